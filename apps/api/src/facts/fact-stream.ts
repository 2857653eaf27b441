import { Inject, Injectable } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { Decider, FactContext, StreamKind, streams } from '@app/domain';
import { Clock, CLOCK } from '@app/runtime';
import { DecidedWrite } from '../writes/ledger-writer';

type OneFactKind = Extract<StreamKind, 'reception' | 'screening' | 'risk_assessment' | 'accountability'>;
const PREFIX: Record<OneFactKind, string> = {
  reception: 'RC',
  screening: 'SC',
  risk_assessment: 'RA',
  accountability: 'AC',
};

/**
 * The facts outside matters (API.md "Other facts"): the decision context of this moment,
 * and the one-fact streams (`reception-<id>`, ...) with a generated id.
 */
@Injectable()
export class FactStream {
  constructor(@Inject(CLOCK) private readonly clock: Clock) {}

  context(): FactContext {
    return { now: this.clock.now().toISOString() };
  }

  /** A fact on a new stream of its own, e.g. `reception-RC20221127-k3J9vQ2m`. */
  oneFact<Command, State>(
    kind: OneFactKind,
    decider: Decider<Command, State, FactContext>,
    command: Command,
  ): DecidedWrite<Command, State, FactContext> & { command: Command } {
    return {
      stream: streams.fact(kind, this.newId(PREFIX[kind])),
      expect: 'new',
      noun: kind.replace('_', ' '),
      decider,
      command,
      context: this.context(),
    };
  }

  /** e.g. RC20221127-k3J9vQ2m: the kind, the day it was recorded and 48 random bits. */
  newId(prefix: string): string {
    const day = this.clock.now().toISOString().slice(0, 10).replace(/-/g, '');
    return `${prefix}${day}-${randomBytes(6).toString('base64url')}`;
  }
}

/**
 * The domain checks a new fact's command first, so malformed input is a 400 before the
 * units and matters it names are looked up (422) and before its stream is read. The
 * decider is pure: deciding on the empty state here and again in the writer agrees.
 */
export function checkedFirst<Command, State, Context>(
  write: DecidedWrite<Command, State, Context> & { command: Command },
): DecidedWrite<Command, State, Context> & { command: Command } {
  write.decider.decide(write.command, write.decider.initialState, write.context);
  return write;
}
