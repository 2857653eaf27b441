import { Inject, Injectable } from '@nestjs/common';
import { Decider, DomainEvent, parseStreamName, StreamName, upcastEvent } from '@app/domain';
import { EVENT_STORE, EventEnvelope, EventStore, ExpectedRevision, NewEvent } from '@app/ledger';
import { conflict, notFound } from '../http/problem';
import { ReadModels } from '../read-models/read-models.service';
import { WriteContext } from './write-context';

/** An event as a use case decides it; the writer adds the actor, correlation and causation. */
export interface EventDraft {
  type: string;
  version: number;
  occurredAt: string;
  data: unknown;
  eventId?: string;
}

export interface WriteResult {
  id: string;
  revision: number;
  /** Global ledger position of the last event written, as a string of digits. */
  position: string;
}

export interface WritePlan {
  id: string;
  /** A name `streams` (libs/domain/src/streams.ts) builds: a replay reads its id back from it. */
  stream: string;
  /**
   * 'new' streams must not exist yet; 'existing' ones must (else 404); 'append' streams are
   * records no decision reads (who viewed personal data): not read, appended at the end
   * whatever their revision, so concurrent readers never conflict; If-Match does not apply.
   */
  expect: 'new' | 'existing' | 'any' | 'append';
  /** The stream's history in, the new events out; throw to refuse. */
  decide(history: EventEnvelope[]): Promise<EventDraft[]> | EventDraft[];
  /** What a 404 or 409 on this stream should say. */
  noun: string;
}

/** Where a decider's events go: the stream, whether it must exist, and how to name it in problems. */
interface DecidedWriteOf<Command, State, Context> {
  stream: StreamName;
  expect: WritePlan['expect'];
  noun: string;
  decider: Decider<Command, State, Context>;
  context: Context;
  /**
   * What must hold of the folded state besides the domain's rules, checked on the same fold
   * before deciding: e.g. that a handler's units hold the matter, or that a matter a
   * command names exists (I/O the pure decider cannot do). Throw to refuse.
   */
  check?(state: State): void | Promise<void>;
  /** Ids for decided events by type, e.g. the event that sealed personal data is bound to. */
  eventIds?: Partial<Record<DomainEvent['type'], string>>;
}

export type DecidedWrite<Command, State, Context> = DecidedWriteOf<Command, State, Context> &
  (
    | { command: Command }
    | {
        /**
         * Builds the command only once the write goes ahead (not for a replay, a refusal of the
         * stream or of `check`): e.g. sealing personal data under new keys, which must not be
         * left behind by a request that writes nothing.
         */
        prepare(): Promise<Command>;
      }
  );

/**
 * The one write path: idempotency, read the stream, If-Match, decide, append with
 * the expected revision, then let the read models know. Nothing else writes events.
 */
@Injectable()
export class LedgerWriter {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly readModels: ReadModels,
  ) {}

  /**
   * A command handler's way in: the writer reads the stream, upcasts and folds it with the
   * decider's `evolve` once, and appends what `decide` returns for that state.
   */
  decideAndWrite<Command, State, Context>(
    ctx: WriteContext,
    write: DecidedWrite<Command, State, Context>,
  ): Promise<WriteResult> {
    const { stream, decider } = write;
    return this.write(ctx, {
      id: stream.id,
      stream: stream.name,
      expect: write.expect,
      noun: write.noun,
      decide: async (history) => {
        const state = history.map((event) => upcastEvent(event)).reduce(decider.evolve, decider.initialState);
        await write.check?.(state);
        const command = 'prepare' in write ? await write.prepare() : write.command;
        return decider.decide(command, state, write.context).map((event) => {
          const eventId = write.eventIds?.[event.type];
          return eventId === undefined ? event : { ...event, eventId };
        });
      },
    });
  }

  async write(ctx: WriteContext, plan: WritePlan): Promise<WriteResult> {
    // A name streams.ts does not build is refused before anything is read: a replay could not name its id.
    idOfStream(plan.stream);
    if (ctx.idempotencyKey) {
      const seen = await this.store.findIdempotency(ctx.idempotencyKey);
      if (seen) {
        if (seen.fingerprint !== ctx.fingerprint) {
          throw conflict('idempotency-key-reused', 'this Idempotency-Key was already used with a different request');
        }
        return { id: idOfStream(seen.stream), revision: seen.revision, position: seen.position.toString() };
      }
    }
    if (plan.expect === 'append') return this.append(ctx, plan);
    const history = await this.store.readStream(plan.stream);
    const current = history.length === 0 ? ('no_stream' as const) : history.length - 1;
    if (plan.expect === 'existing' && current === 'no_stream') throw notFound(`no ${plan.noun} ${plan.id}`);
    if (plan.expect === 'new' && current !== 'no_stream') {
      throw conflict('already-exists', `${plan.noun} ${plan.id} already exists`, { currentRevision: current });
    }
    if (ctx.ifMatch !== undefined && ctx.ifMatch !== current) {
      throw conflict(
        'revision-mismatch',
        `the ${plan.noun} has moved on: If-Match ${ctx.ifMatch}, current revision ${current === 'no_stream' ? 'none' : current}`,
        {
          currentRevision: current === 'no_stream' ? null : current,
        },
      );
    }
    const drafts = await plan.decide(history);
    const cause = history.length > 0 ? history[history.length - 1].eventId : null;
    return this.appendDecided(ctx, plan, drafts, current, cause);
  }

  /** An append-only record: decided from nothing, appended whatever the stream's revision. */
  private async append(ctx: WriteContext, plan: WritePlan): Promise<WriteResult> {
    return this.appendDecided(ctx, plan, await plan.decide([]), 'any', null);
  }

  private async appendDecided(
    ctx: WriteContext,
    plan: WritePlan,
    drafts: EventDraft[],
    expected: ExpectedRevision,
    cause: string | null,
  ): Promise<WriteResult> {
    const events: NewEvent[] = drafts.map((draft) => ({
      ...draft,
      actor: { id: ctx.principal.id, role: ctx.principal.role },
      correlationId: ctx.correlationId,
      causationId: cause,
    }));
    const result = await this.store.append(plan.stream, events, expected, {
      idempotencyKey: ctx.idempotencyKey,
      fingerprint: ctx.fingerprint,
    });
    this.readModels.written(result.position);
    // A concurrent request may have recorded the key after the look-up above: the store then
    // answers with the first write, whose id (e.g. a generated one) is not this plan's.
    const id = result.replayed ? idOfStream(result.stream) : plan.id;
    return { id, revision: result.revision, position: result.position.toString() };
  }
}

/**
 * The id of the stream a replayed write went to, as `streams` named it. Every stream the
 * writer appends to is built there, so a name it cannot parse is a bug, not a request.
 */
function idOfStream(stream: string): string {
  const name = parseStreamName(stream);
  if (!name) throw new Error(`stream ${stream} is not named by libs/domain/src/streams.ts`);
  return name.id;
}
