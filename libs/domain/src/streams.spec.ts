import { parseStreamName, streams } from './streams';

describe('stream names', () => {
  it('builds each kind as <kind>-<id>', () => {
    expect(streams.matter('M-1').name).toBe('matter-M-1');
    expect(streams.unit('town-a').name).toBe('unit-town-a');
    expect(streams.publication('ranking', '2022-04').name).toBe('publication-ranking-2022-04');
    expect(streams.fact('risk_assessment', 'RA1').name).toBe('risk_assessment-RA1');
    expect(streams.upperAssignment('M-1').name).toBe('upper_assignment-M-1');
    expect(streams.instruction('IN1').name).toBe('instruction-IN1');
    expect(streams.reminderChannel('wecom-a').name).toBe('reminder_channel-wecom-a');
    expect(streams.reminder('town-a', '2022-04-06').name).toBe('reminder-town-a-2022-04-06');
    expect(streams.rankingRule('city-2022').name).toBe('ranking-rule-city-2022');
  });

  it('parses back the kind and the id, even when the id holds dashes', () => {
    expect(parseStreamName('matter-M-1')).toEqual({ kind: 'matter', id: 'M-1', name: 'matter-M-1' });
    expect(parseStreamName('publication-bulletin-2022-04-H1')).toMatchObject({
      kind: 'publication',
      id: 'bulletin-2022-04-H1',
    });
    expect(parseStreamName('ranking-rule-city-2022')).toEqual({
      kind: 'ranking-rule',
      id: 'city-2022',
      name: 'ranking-rule-city-2022',
    });
  });

  it('parses the kinds that hold a dash by their whole name, not at the first dash', () => {
    expect(streams.personalDataAccess('M-1').name).toBe('pd-access-M-1');
    expect(parseStreamName('pd-access-M-1')).toEqual({ kind: 'pd-access', id: 'M-1', name: 'pd-access-M-1' });
    expect(parseStreamName(streams.rankingRule('default').name)).toMatchObject({ kind: 'ranking-rule', id: 'default' });
    expect(parseStreamName('ranking-2022-04')).toBeNull();
  });

  it('refuses names no kind produces', () => {
    expect(parseStreamName('nothing')).toBeNull();
    expect(parseStreamName('matter-')).toBeNull();
    expect(parseStreamName('widget-1')).toBeNull();
    expect(parseStreamName('pd-access-')).toBeNull();
    expect(parseStreamName('ranking-1')).toBeNull();
    expect(() => streams.unit('')).toThrow(/needs an id/);
  });
});
