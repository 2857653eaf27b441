/**
 * Stream names, in one place. Every stream is `<kind>-<id>`; the kind never contains a
 * dash except through `publication-<kind>-<period>`, whose id is `<kind>-<period>`.
 * Building names here (not with string templates at each call site) means a reader
 * can find every stream kind, and the writer can name a stream's id without slicing.
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
} as const;

/** The kind and id of a stream name built by `streams`; null for a name no kind here produces. */
export function parseStreamName(name: string): StreamName | null {
  const dash = name.indexOf('-');
  if (dash <= 0) return null;
  const kind = name.slice(0, dash);
  const id = name.slice(dash + 1);
  if (id.length === 0 || !(STREAM_KINDS as readonly string[]).includes(kind)) return null;
  return { kind: kind as StreamKind, id, name };
}
