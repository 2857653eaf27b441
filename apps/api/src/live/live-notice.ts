import { MatterState, parseStreamName, StreamKind } from '@app/domain';
import { Principal, unitScope } from '@app/security';
import { mayReadMatter } from '../matters/matter-view';

/** What a client of `GET /live` is told of one event: no data of the event, no personal data. */
export interface LiveNotice {
  /** The global ledger position, a string of digits (also the message's `id`). */
  position: string;
  /** The stream's kind (`matter`, `meeting`, `publication`, …). */
  kind: StreamKind | 'other';
  /** The matter the event belongs to, for `matter` and `upper_assignment` streams the caller may read. */
  matterId?: string;
  /** The event type, e.g. `ReplyIssued`. */
  type: string;
}

/** Kinds whose stream id is a matter id. */
const MATTER_KINDS: ReadonlySet<StreamKind> = new Set(['matter', 'upper_assignment']);

/**
 * Kinds never told: `pd-access` records who was shown personal data (a page reloading on it
 * would read the matter again and record another reading, without end).
 */
const SILENT_KINDS: ReadonlySet<StreamKind> = new Set(['pd-access']);

/** One applied event as the feed sees it, shared by every connection it is offered to. */
export class FeedItem {
  private matter: MatterState | null | undefined;

  constructor(
    readonly position: bigint,
    readonly stream: string,
    readonly type: string,
    /** The matter as the read models hold it, read once, only if a caller scoped to units asks. */
    private readonly matterState: (matterId: string) => MatterState | null,
  ) {}

  /** The notice for `principal`, or null when it may not learn of this event. */
  noticeFor(principal: Principal): LiveNotice | null {
    const name = parseStreamName(this.stream);
    const kind = name?.kind ?? 'other';
    if (name && SILENT_KINDS.has(name.kind)) return null;
    const notice: LiveNotice = { position: this.position.toString(), kind, type: this.type };
    if (!name || !MATTER_KINDS.has(name.kind)) return notice;
    if (unitScope(principal) !== undefined) {
      if (this.matter === undefined) this.matter = this.matterState(name.id);
      // The rule of GET /matters/{id}: a handler reads the matters its units hold or held.
      if (this.matter === null || !mayReadMatter(principal, this.matter)) return null;
    }
    return { ...notice, matterId: name.id };
  }
}
