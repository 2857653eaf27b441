import { changeText, rate } from './bureau-figures';

describe('the bulletin’s changes and rates in words', () => {
  it('says how a figure moved against the previous period: percent for counts, points for rates', () => {
    expect(changeText({ pct: 35.71, trend: 'up' })).toBe('↑ 35.71%');
    expect(changeText({ pct: -4.35, trend: 'down' })).toBe('↓ 4.35%');
    expect(changeText({ points: -0.75, trend: 'down' })).toBe('↓ 0.75 个百分点');
    expect(changeText({ pct: null, trend: 'new' })).toBe('新增');
    expect(changeText({ pct: null, trend: 'flat' })).toBe('持平');
    expect(changeText({ before: 3, pct: 0, trend: 'flat' })).toBe('持平');
    expect(changeText({ before: 0, pct: null, trend: 'flat' })).toBe('');
    expect(changeText({ points: null, trend: null })).toBe('');
    expect(changeText(undefined)).toBe('');
  });

  it('shows a rate over nothing as a dash, never 0%', () => {
    expect(rate(null)).toBe('—');
    expect(rate(0)).toBe('0%');
    expect(rate(66.67)).toBe('66.67%');
  });
});
