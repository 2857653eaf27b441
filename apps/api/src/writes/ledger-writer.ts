import { Inject, Injectable } from '@nestjs/common';
import { Decider, StreamName, upcastEvent } from '@app/domain';
import { EVENT_STORE, EventEnvelope, EventStore, NewEvent } from '@app/ledger';
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
  stream: string;
  /** 'new' streams must not exist yet; 'existing' ones must (else 404). */
  expect: 'new' | 'existing' | 'any';
  /** The stream's history in, the new events out; throw to refuse. */
  decide(history: EventEnvelope[]): Promise<EventDraft[]> | EventDraft[];
  /** What a 404 or 409 on this stream should say. */
  noun: string;
}

/** Where a decider's events go: the stream, whether it must exist, and how to name it in problems. */
export interface DecidedWrite<Command, State, Context> {
  stream: StreamName;
  expect: WritePlan['expect'];
  noun: string;
  decider: Decider<Command, State, Context>;
  command: Command;
  context: Context;
}

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
      decide: (history) => {
        const state = history.map((event) => upcastEvent(event)).reduce(decider.evolve, decider.initialState);
        return decider.decide(write.command, state, write.context);
      },
    });
  }

  async write(ctx: WriteContext, plan: WritePlan): Promise<WriteResult> {
    if (ctx.idempotencyKey) {
      const seen = await this.store.findIdempotency(ctx.idempotencyKey);
      if (seen) {
        if (seen.fingerprint !== ctx.fingerprint) {
          throw conflict('idempotency-key-reused', 'this Idempotency-Key was already used with a different request');
        }
        return { id: idOfStream(seen.stream, plan), revision: seen.revision, position: seen.position.toString() };
      }
    }
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
    const events: NewEvent[] = drafts.map((draft) => ({
      ...draft,
      actor: { id: ctx.principal.id, role: ctx.principal.role },
      correlationId: ctx.correlationId,
      causationId: cause,
    }));
    const result = await this.store.append(plan.stream, events, current, {
      idempotencyKey: ctx.idempotencyKey,
      fingerprint: ctx.fingerprint,
    });
    this.readModels.written(result.position);
    // A concurrent request may have recorded the key after the look-up above: the store then
    // answers with the first write, whose id (e.g. a generated one) is not this plan's.
    const id = result.replayed ? idOfStream(result.stream, plan) : plan.id;
    return { id, revision: result.revision, position: result.position.toString() };
  }
}

/** Streams are `<prefix><id>`, and a replayed write was made by a plan of the same kind: same prefix. */
function idOfStream(stream: string, plan: WritePlan): string {
  return stream.slice(plan.stream.length - plan.id.length);
}
