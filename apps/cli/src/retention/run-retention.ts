import {
  erasuresDue,
  ErasureDue,
  evolveMatter,
  initialMatterState,
  isRuleViolation,
  LocalDate,
  MatterState,
  MatterStateOrNone,
  upcastEvent,
} from '@app/domain';
import { Actor, EventStore, START, WrongExpectedRevisionError } from '@app/ledger';
import { erasePetitionerData, ErasureWrite, PersonalDataVault } from '@app/security';

/** Another process recorded the erasure between the read and the append. */
const alreadyRecorded = (error: unknown) =>
  error instanceof WrongExpectedRevisionError || (isRuleViolation(error) && error.rule === 'already-erased');

/** Who the retention erasures are recorded as: the office's own routine, with the admin's rights. */
export const RETENTION_ACTOR: Actor = { id: 'retention', role: 'admin' };

export interface RetentionRun {
  readonly retentionYears: number;
  readonly today: LocalDate;
  readonly dryRun: boolean;
  /** Due and not yet erased: what this run erases (or, dry, would erase). */
  readonly due: readonly ErasureDue[];
  /** Recorded as erased earlier, whose key this run destroyed (a crash between the two steps). */
  readonly completed: readonly string[];
  /** The ledger position after the run (the last erasure's), for `minPosition`. */
  readonly position: string;
}

/**
 * Erases (crypto-shreds) every petitioner whose matters all ended more than `years` ago,
 * through the one erasure path of libs/security: PetitionerErased by the erasure decider,
 * appended on the petitioner's stream, then the key destroyed. Idempotent: a petitioner
 * whose erasure is recorded is not erased again (only a surviving key is destroyed), so a
 * second run finds nothing to do. The audit tree only grows by the new events.
 */
export async function runRetention(
  store: EventStore,
  vault: PersonalDataVault,
  options: { years: number; today: LocalDate; now: Date; timeZone: string; dryRun: boolean },
): Promise<RetentionRun> {
  const { matters, erased } = await readMattersAndErasures(store);
  const due = erasuresDue(matters, options.today, options.years, options.timeZone).filter(
    (d) => !erased.has(d.petitionerId),
  );
  const completed = [...erased].filter((id) => vault.exists(id) && !vault.isErased(id)).sort();
  if (!options.dryRun) {
    for (const id of completed) vault.erase(id, options.now);
    for (const d of due) {
      const reason =
        `retention: every matter of this petitioner (${d.matterIds.join(', ')}) ended by ${d.lastEnded}, ` +
        `more than LEDGER_RETENTION_YEARS=${options.years} years before ${options.today}`;
      await erasePetitionerData(
        vault,
        { petitionerId: d.petitionerId, reason, at: options.now },
        (write) => appendDecided(store, write, options.now),
        alreadyRecorded,
      );
    }
  }
  const head = await store.head();
  return {
    retentionYears: options.years,
    today: options.today,
    dryRun: options.dryRun,
    due,
    completed,
    position: head.position.toString(),
  };
}

/** Every matter folded once, with the instant of its last fact, and the petitioners already erased. */
async function readMattersAndErasures(store: EventStore) {
  const states = new Map<string, { state: MatterStateOrNone; lastFactAt: string }>();
  const erased = new Set<string>();
  for (let from = START; ;) {
    const batch = await store.readAll(from, 1000);
    if (batch.length === 0) break;
    for (const event of batch) {
      if (event.type === 'PetitionerErased') erased.add((event.data as { petitionerId: string }).petitionerId);
      if (!event.stream.startsWith('matter-')) continue;
      const entry = states.get(event.stream) ?? { state: initialMatterState, lastFactAt: event.occurredAt };
      states.set(event.stream, {
        state: evolveMatter(entry.state, upcastEvent(event)),
        lastFactAt: Date.parse(event.occurredAt) > Date.parse(entry.lastFactAt) ? event.occurredAt : entry.lastFactAt,
      });
    }
    from = batch[batch.length - 1].position + 1n;
  }
  const matters = [...states.values()]
    .filter((m): m is { state: MatterState; lastFactAt: string } => m.state !== null)
    .map((m) => ({ state: m.state, lastFactAt: m.lastFactAt }));
  return { matters, erased };
}

/** The erasure decider on a new stream, appended with "no stream yet" as the expected revision. */
async function appendDecided(store: EventStore, write: ErasureWrite, now: Date): Promise<void> {
  const history = await store.readStream(write.stream.name);
  const state = history.map((e) => upcastEvent(e)).reduce(write.decider.evolve, write.decider.initialState);
  const events = write.decider.decide(write.command, state, { now: now.toISOString() });
  await store.append(
    write.stream.name,
    events.map((e) => ({ ...e, actor: RETENTION_ACTOR, correlationId: `retention-${now.toISOString()}` })),
    history.length === 0 ? 'no_stream' : history.length - 1,
  );
}
