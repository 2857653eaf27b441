import { EventEnvelope } from '@app/ledger';
import { auditLeafHash } from './audit-leaf';
import { formatLine, leafHashOfLine, parseAuditEventLine, parseExportLine, toAuditEventLine } from './audit-export';
import { toHex } from './merkle-hash';
import { verifyEventLines } from './verify-event-lines';

const event: EventEnvelope = {
  eventId: '0190a0b0-0000-7000-8000-000000000001',
  type: 'MatterOpened',
  version: 1,
  stream: 'matter-XF-1',
  revision: 0,
  position: 7n,
  occurredAt: '2022-04-03T09:30:00+08:00',
  recordedAt: '2022-04-03T01:31:02.123Z',
  actor: { id: 'p-1', role: 'registrar' },
  causationId: null,
  correlationId: 'c-1',
  data: { matterId: 'XF-1', summary: '反映拖欠农民工工资问题', petitioners: [{ sealed: { ciphertext: 'AAAA' } }] },
  metadata: {},
};

describe('audit event lines', () => {
  it('round-trip through NDJSON, and recompute the same leaf as the event', () => {
    const line = toAuditEventLine(event, 6, auditLeafHash(event, 6));
    const text = formatLine(line);
    expect(text).not.toContain('\n');
    const parsed = parseAuditEventLine(text);
    expect(parsed).toEqual(line);
    expect(toHex(leafHashOfLine(parsed))).toBe(auditLeafHash(event, 6));
    // The index is part of the leaf: the same event elsewhere in the log is another leaf.
    expect(toHex(leafHashOfLine({ ...parsed, index: 5 }))).not.toBe(line.hash);
  });

  it('names the fields a malformed line lacks', () => {
    const line = JSON.parse(formatLine(toAuditEventLine(event, 0, auditLeafHash(event, 0))));
    expect(() => parseAuditEventLine(JSON.stringify({ ...line, index: -1, hash: 'xyz' }))).toThrow(/index, hash/);
    expect(() => parseAuditEventLine(JSON.stringify({ ...line, actor: 'p-1' }))).toThrow(/actor/);
    expect(() => parseAuditEventLine('[1]')).toThrow(/not a JSON object/);
    expect(() => parseAuditEventLine('{"index":')).toThrow(/not JSON/);
  });

  it('reads the kinds of an export line', () => {
    const line = toAuditEventLine(event, 0, auditLeafHash(event, 0));
    expect(parseExportLine(formatLine({ kind: 'event', ...line }), 3)).toEqual({ kind: 'event', ...line });
    expect(parseExportLine('{"kind":"end","events":1,"checkpoints":0}', 9)).toEqual({
      kind: 'end',
      events: 1,
      checkpoints: 0,
    });
    expect(() => parseExportLine('{"kind":"header","format":"other","version":1}', 1)).toThrow(/header/);
    expect(() => parseExportLine('{"kind":"checkpoint","size":1}', 2)).toThrow(/line 2: checkpoint needs/);
    expect(() => parseExportLine('{"kind":"surprise"}', 4)).toThrow(/unknown kind/);
  });

  it('verify a stream of lines, stopping where a line cannot be read', async () => {
    const lines = [0, 1, 2].map((i) =>
      toAuditEventLine({ ...event, revision: i }, i, auditLeafHash({ ...event, revision: i }, i)),
    );
    expect(await verifyEventLines(lines, { trustedKey: null })).toEqual({
      ok: true,
      checked: 3,
      checkpointsVerified: 0,
    });
    async function* broken() {
      yield lines[0];
      yield parseAuditEventLine('not json');
    }
    expect(await verifyEventLines(broken(), { trustedKey: null })).toMatchObject({
      ok: false,
      fault: 'EVENT_UNREADABLE',
      firstBadIndex: 1,
    });
    const unsafe = { ...lines[1], data: { big: 2 ** 60 } };
    expect(await verifyEventLines([lines[0], unsafe], { trustedKey: null })).toMatchObject({
      ok: false,
      fault: 'EVENT_UNREADABLE',
      firstBadIndex: 1,
    });
  });
});
