import { isHalfMonth, isMonth, lastEndedHalfMonth, lastEndedMonth, shiftHalfMonth, shiftMonth } from './periods';

describe('the bureau’s periods', () => {
  it('names the last ended half-month and month', () => {
    expect(lastEndedHalfMonth('2022-04-16')).toBe('2022-04-H1');
    expect(lastEndedHalfMonth('2022-04-15')).toBe('2022-03-H2');
    expect(lastEndedHalfMonth('2022-01-03')).toBe('2021-12-H2');
    expect(lastEndedMonth('2022-01-03')).toBe('2021-12');
    expect(lastEndedMonth('2022-05-31')).toBe('2022-04');
  });

  it('steps half-months and months across years', () => {
    expect(shiftHalfMonth('2022-04-H1', -1)).toBe('2022-03-H2');
    expect(shiftHalfMonth('2022-04-H1', 1)).toBe('2022-04-H2');
    expect(shiftHalfMonth('2022-12-H2', 1)).toBe('2023-01-H1');
    expect(shiftHalfMonth('2022-01-H1', -1)).toBe('2021-12-H2');
    expect(shiftMonth('2022-01', -1)).toBe('2021-12');
    expect(shiftMonth('2022-12', 1)).toBe('2023-01');
  });

  it('recognises the API’s period names only', () => {
    expect(isHalfMonth('2022-04-H1')).toBe(true);
    expect(isHalfMonth('2022-13-H1')).toBe(false);
    expect(isHalfMonth('2022-04-H3')).toBe(false);
    expect(isMonth('2022-04')).toBe(true);
    expect(isMonth('2022-4')).toBe(false);
  });
});
