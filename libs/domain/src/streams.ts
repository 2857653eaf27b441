/**
 * Stream names, in one place. Every stream is `<kind>-<id>`: `publication-<kind>-<period>`
 * has the id `<kind>-<period>`, and two kinds hold a dash themselves (`pd-access`,
 * `ranking-rule`, named so before this module existed), so a name is parsed against the
 * known kinds, never at its first dash. Building names here (not with string templates
 * at each call site) means a reader can find every stream kind, and the writer can name
 * a stream's id without slicing.
 */
export const STREAM_KINDS = [
  'matter',
  'unit',
  'principal',
  'petitioner',
  'campaign',
  'meeting',
  'publication',
  'reception',
  'screening',
  'risk_assessment',
  'accountability',
  'upper_assignment',
  'instruction',
  'reminder_channel',
  'reminder',
  'ranking-rule',
  /** Who read which petitioners' personal data of a matter (principle 4). */
  'pd-access',
  /** The signed audit checkpoints, published by the signing instance for the others on the log. */
  'audit',
] as const;
export type StreamKind = (typeof STREAM_KINDS)[number];

/** A stream's kind and the id that follows the first dash. */
export interface StreamName {
  readonly kind: StreamKind;
  readonly id: string;
  readonly name: string;
}

function named(kind: StreamKind, id: string): StreamName {
  if (id.length === 0) throw new Error(`a ${kind} stream needs an id`);
  return { kind, id, name: `${kind}-${id}` };
}

export const streams = {
  matter: (matterId: string) => named('matter', matterId),
  unit: (code: string) => named('unit', code),
  principal: (principalId: string) => named('principal', principalId),
  petitioner: (petitionerId: string) => named('petitioner', petitionerId),
  campaign: (campaignId: string) => named('campaign', campaignId),
  meeting: (meetingId: string) => named('meeting', meetingId),
  publication: (kind: 'ranking' | 'bulletin', period: string) => named('publication', `${kind}-${period}`),
  /** The one-fact streams (receptions, screenings, ...) with a generated id. */
  fact: (kind: Extract<StreamKind, 'reception' | 'screening' | 'risk_assessment' | 'accountability'>, id: string) =>
    named(kind, id),
  /** 上三级交办: one stream per matter, beside (not inside) the matter's own. */
  upperAssignment: (matterId: string) => named('upper_assignment', matterId),
  instruction: (instructionId: string) => named('instruction', instructionId),
  reminderChannel: (channelId: string) => named('reminder_channel', channelId),
  /** One unit's daily digest and its deliveries. */
  reminder: (unit: string, date: string) => named('reminder', `${unit}-${date}`),
  /** The versions of one ranking rule (排名规则). */
  rankingRule: (ruleId: string) => named('ranking-rule', ruleId),
  /** The readings of a matter's personal data: one stream per matter. */
  personalDataAccess: (matterId: string) => named('pd-access', matterId),
  /** `audit-checkpoints`: every signed audit checkpoint, in signing order. */
  auditCheckpoints: () => named('audit', 'checkpoints'),
} as const;

// Longest first, so `ranking-rule-x` is never read as a kind `ranking`.
const KINDS_LONGEST_FIRST = [...STREAM_KINDS].sort((a, b) => b.length - a.length);

/** The kind and id of a stream name built by `streams`; null for a name no kind here produces. */
export function parseStreamName(name: string): StreamName | null {
  const kind = KINDS_LONGEST_FIRST.find((k) => name.startsWith(`${k}-`));
  if (kind === undefined || name.length === kind.length + 1) return null;
  return { kind, id: name.slice(kind.length + 1), name };
}
