import type Database from 'better-sqlite3';
import {
  addWorkingDays,
  dailyDigests,
  parseReminderAt,
  reminderDue,
  upcast,
  UnitDigest,
  WorkingCalendar,
} from '@app/domain';
import type { EventStore, Position } from '@app/ledger';
import { openDuties } from '@app/projections';
import type { SealedSecret } from '@app/security';
import { ReminderChannel, ReminderOutbox } from './reminder-outbox';

export interface ReminderJobDependencies {
  readonly store: EventStore;
  /** The read-model database the digests are computed from, and the position it reflects. */
  readonly readModel: () => { readonly db: Database.Database; readonly position: Position };
  readonly calendar: WorkingCalendar;
  readonly timeZone: string;
  /** `LEDGER_REMINDER_AT`, HH:MM. */
  readonly at: string;
  /** ISO instant with offset, from the injected Clock. */
  readonly now: () => string;
  readonly outbox: ReminderOutbox;
  /** Opens a channel's sealed secret (libs/security SecretBox); the plaintext lives only in memory. */
  readonly unseal: SecretOpener;
}

/** The one key purpose channel secrets are sealed under; a channel's id is the associated data. */
export const CHANNEL_SECRET_KEY = 'reminder-channels';

export interface SecretOpener {
  open(sealed: SealedSecret, associatedData: string): string;
}

/** The channels as configured in the ledger (ReminderChannelConfigured; the latest per channel wins), secrets opened. */
export async function configuredChannels(store: EventStore, unseal: SecretOpener): Promise<ReminderChannel[]> {
  const channels = new Map<string, ReminderChannel>();
  let from: Position = 0n;
  for (;;) {
    const batch = await store.readAll(from, 1000);
    if (batch.length === 0) break;
    for (const e of batch) {
      if (e.type !== 'ReminderChannelConfigured') continue;
      const d = upcast('ReminderChannelConfigured', e.version, e.data);
      channels.set(d.channelId, {
        channelId: d.channelId,
        unit: d.unit,
        format: d.format,
        url: unseal.open(d.url, d.channelId),
        secret: d.secret === null ? null : unseal.open(d.secret, d.channelId),
      });
    }
    from = batch[batch.length - 1].position + 1n;
  }
  return [...channels.values()].sort((a, b) => (a.channelId < b.channelId ? -1 : 1));
}

/** The digests of a day from the read model: each unit's open duties up to three working days ahead. */
export function digestsFor(
  db: Database.Database,
  position: Position,
  date: string,
  calendar: WorkingCalendar,
  units?: readonly string[],
): UnitDigest[] {
  const horizon = addWorkingDays(calendar, date, 3).date;
  return dailyDigests(openDuties(db, position, horizon, units), date, calendar);
}

/**
 * The daily reminder job: on every tick at or after `at` (business time), it
 * records the day's digests (once per unit and day: the outbox decides nothing
 * the second time) and sends whatever is pending, including digests recorded
 * before a restart.
 */
export class ReminderJob {
  private readonly atMinutes: number;

  constructor(private readonly deps: ReminderJobDependencies) {
    const at = parseReminderAt(deps.at);
    if (at === null) throw new Error(`LEDGER_REMINDER_AT must be HH:MM, got "${deps.at}"`);
    this.atMinutes = at;
  }

  /** `pending`: digests still not acknowledged by a channel after this round's attempts. */
  async tick(): Promise<{ date: string; recorded: boolean; delivered: number; pending: number }> {
    const { date, due } = reminderDue(this.deps.now(), this.atMinutes, this.deps.timeZone);
    const channels = await configuredChannels(this.deps.store, this.deps.unseal);
    if (due) {
      const { db, position } = this.deps.readModel();
      await this.deps.outbox.record(digestsFor(db, position, date, this.deps.calendar), channels);
    }
    const { acknowledged, pending } = await this.deps.outbox.deliverPending(channels);
    return { date, recorded: due, delivered: acknowledged, pending };
  }
}
