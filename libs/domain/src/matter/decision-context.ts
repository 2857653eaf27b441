import type { ClockSettings } from '../clock/statutory-clock';

export const DEFAULT_COLLECTIVE_THRESHOLD = 5;

/** What a decision needs besides the command and the state; the current instant is passed in, never read. */
export interface DecisionContext extends ClockSettings {
  /** The current instant (ISO-8601 with offset): the default occurredAt, and the limit for back-dating. */
  readonly now: string;
  readonly rollForward: boolean;
  /** A contact with at least this many persons is collective (集访). Default 5. */
  readonly collectiveThreshold?: number;
}
