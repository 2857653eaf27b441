import { addYears, LocalDate } from '../time/local-date';
import { localDateOf } from '../time/time-zone';
import type { MatterState, MatterStatus } from './matter-state';

/**
 * Statuses after which nothing more is due on a matter: not accepted, replied (the review
 * window is long past by any retention period), reviewed, or final after re-review. A
 * resolved (化解) matter has ended too. Every other status is open, and keeps its
 * petitioners' data, however old.
 */
const ENDED: readonly MatterStatus[] = ['not_accepted', 'replied', 'reviewed', 'final'];

/** A matter as retention sees it: its state and the instant of its last fact. */
export interface MatterForRetention {
  readonly state: MatterState;
  readonly lastFactAt: string;
}

export interface ErasureDue {
  readonly petitionerId: string;
  readonly matterIds: readonly string[];
  /** The business-day date on which the last of the petitioner's matters ended. */
  readonly lastEnded: LocalDate;
}

/** The date a matter ended (its last fact, in the business time zone), or null while it is open. */
export function matterEndedOn(matter: MatterForRetention, timeZone: string): LocalDate | null {
  const { state } = matter;
  if (!ENDED.includes(state.status) && !state.resolved) return null;
  return localDateOf(matter.lastFactAt, timeZone);
}

/**
 * The petitioners whose matters have all ended more than `years` ago (the day after the
 * anniversary of the last end is the first day their data may be erased), oldest first.
 * DOMAIN.md: personal data is erased at the end of its retention period.
 */
export function erasuresDue(
  matters: readonly MatterForRetention[],
  today: LocalDate,
  years: number,
  timeZone: string,
): ErasureDue[] {
  const byPetitioner = new Map<string, { matterIds: string[]; lastEnded: LocalDate | null; open: boolean }>();
  for (const matter of matters) {
    const ended = matterEndedOn(matter, timeZone);
    for (const petitionerId of matter.state.petitionerIds) {
      const entry = byPetitioner.get(petitionerId) ?? { matterIds: [], lastEnded: null, open: false };
      entry.matterIds.push(matter.state.matterId);
      if (ended === null) entry.open = true;
      else if (entry.lastEnded === null || ended > entry.lastEnded) entry.lastEnded = ended;
      byPetitioner.set(petitionerId, entry);
    }
  }
  const due: ErasureDue[] = [];
  for (const [petitionerId, entry] of byPetitioner) {
    if (entry.open || entry.lastEnded === null) continue;
    if (addYears(entry.lastEnded, years) < today) {
      due.push({ petitionerId, matterIds: entry.matterIds, lastEnded: entry.lastEnded });
    }
  }
  return due.sort((a, b) => a.lastEnded.localeCompare(b.lastEnded) || a.petitionerId.localeCompare(b.petitionerId));
}
