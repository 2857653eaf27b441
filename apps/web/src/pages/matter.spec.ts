import { setLocale } from '../core/i18n';
import { instantFromLocal } from './contact-fields';
import { describeEvent, wallClock } from './matter';

const event = (type: string, data: Record<string, unknown>) => ({
  position: '1',
  revision: 0,
  type,
  occurredAt: '2022-11-09T02:32:00Z',
  recordedAt: '2022-11-09T02:33:00Z',
  actor: { id: 'registrar-1', role: 'registrar' },
  data,
});
const units = (code: string) => ({ 'town-a': '城关镇' })[code] ?? code;

describe("a matter's timeline, in words", () => {
  afterEach(() => setLocale('zh'));

  it('names the fields and the code values, never the sealed petitioners', () => {
    const opened = event('MatterOpened', {
      matterId: 'M1',
      category: 'labour_social_security',
      responsibleUnit: 'town-a',
      summary: '反映拖欠工资',
      petitioners: [{ petitionerId: 'p1', sealed: { ciphertext: 'zzz' } }],
    });
    const text = describeEvent(opened, units);
    expect(text).toBe('类别：劳动社保；责任单位：城关镇；摘要：反映拖欠工资');
    expect(text).not.toContain('zzz');
  });

  it('says yes and no, and names actions, outcomes and channels', () => {
    expect(describeEvent(event('AcceptanceDecided', { accepted: true, reason: null, unit: 'town-a' }), units)).toBe(
      '受理：是；单位：城关镇',
    );
    expect(describeEvent(event('HandlingActionRecorded', { kind: 'site_visit', note: '到现场' }), units)).toBe(
      '措施：现场核实；说明：到现场',
    );
    expect(describeEvent(event('ReplyIssued', { outcome: 'partially_supported', note: 'x' }), units)).toBe(
      '结果：部分支持；说明：x',
    );
    expect(describeEvent(event('ContactRecorded', { channel: 'online', source: 'national_platform' }), units)).toBe(
      '渠道：网上信访；来源：国家信访平台',
    );
  });

  it('keeps a field it does not know by its API name', () => {
    expect(describeEvent(event('Future', { brandNew: 7 }), units)).toBe('brandNew：7');
  });

  it('shows instants on the business zone’s wall clock, and reads a form’s local time as +08:00', () => {
    expect(wallClock('2022-11-09T02:32:00Z')).toBe('2022-11-09 10:32');
    expect(wallClock('2022-11-09T23:30:00+08:00')).toBe('2022-11-09 23:30');
    expect(wallClock('not a date')).toBe('not a date');
    expect(instantFromLocal('2022-04-03T09:30')).toBe('2022-04-03T09:30:00+08:00');
    expect(instantFromLocal('')).toBe('');
  });
});
