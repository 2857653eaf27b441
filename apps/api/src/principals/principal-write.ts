import { FactContext, PrincipalCommand, principalDecider, PrincipalStateOrNone, streams } from '@app/domain';
import { Clock } from '@app/runtime';
import { DecidedWrite } from '../writes/ledger-writer';

/** Every principal command goes to `principal-<id>` through the one principal decider. */
export function principalWrite(
  command: PrincipalCommand,
  clock: Clock,
): DecidedWrite<PrincipalCommand, PrincipalStateOrNone, FactContext> {
  return {
    stream: streams.principal(command.principalId),
    // Only registration starts a stream; the others need it (404 otherwise).
    expect: command.type === 'RegisterPrincipal' ? 'new' : 'existing',
    noun: 'principal',
    decider: principalDecider,
    command,
    context: { now: clock.now().toISOString() },
  };
}
