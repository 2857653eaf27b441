import type { Role } from '../code-lists';
import type { Decider } from '../decider';
import { domainEvent, DomainEvent } from '../events/event-catalog';
import { refuse, requiredText } from '../matter/command-checks';
import { instantOf } from '../time/time-zone';
import type { PrincipalCommand } from './fact-commands';
import { expiry, FactContext, handlerUnits, registerPrincipal } from './record-facts';

/** A principal as its stream `principal-<id>` says it is now. */
export interface PrincipalState {
  readonly principalId: string;
  readonly name: string;
  readonly role: Role;
  readonly units: readonly string[];
  /** The hash of the one token that is valid; earlier ones were replaced. */
  readonly tokenHash: string;
  readonly expiresAt: string | null;
  readonly registeredAt: string;
  readonly revoked: { readonly at: string; readonly reason: string } | null;
}

export type PrincipalStateOrNone = PrincipalState | null;

export function evolvePrincipal(state: PrincipalStateOrNone, event: DomainEvent): PrincipalStateOrNone {
  switch (event.type) {
    case 'PrincipalRegistered': {
      const d = event.data;
      return {
        principalId: d.principalId,
        name: d.name,
        role: d.role,
        units: d.units,
        tokenHash: d.tokenHash,
        expiresAt: d.expiresAt ?? null,
        registeredAt: event.occurredAt,
        revoked: null,
      };
    }
    case 'PrincipalRevoked':
      return state && { ...state, revoked: { at: event.occurredAt, reason: event.data.reason } };
    case 'PrincipalTokenReplaced':
      return state && { ...state, tokenHash: event.data.tokenHash, expiresAt: event.data.expiresAt };
    case 'PrincipalUnitsChanged':
      return state && { ...state, units: event.data.units };
    default:
      return state;
  }
}

function active(state: PrincipalStateOrNone, principalId: string): PrincipalState {
  // The writer answers a missing stream with 404 first; this says the same rule in the domain.
  if (state === null) refuse('value-invalid', `no principal ${principalId}`, 'principalId');
  if (state.revoked) refuse('principal-revoked', `principal ${principalId} was revoked on ${state.revoked.at}`);
  return state;
}

/**
 * Who may call the API, as events: registered (with an optional expiry), revoked (final:
 * someone who returns gets a new principal, so the record of who had access stays plain),
 * a token replaced by a new one, a handler's units changed.
 */
export const principalDecider: Decider<PrincipalCommand, PrincipalStateOrNone, FactContext> = {
  initialState: null,
  evolve: evolvePrincipal,
  decide(command, state, ctx) {
    switch (command.type) {
      case 'RegisterPrincipal':
        if (state !== null) refuse('already-registered', `principal ${command.principalId} is already registered`);
        return [registerPrincipal(command, ctx)];
      case 'RevokePrincipal': {
        const current = active(state, command.principalId);
        return [
          domainEvent('PrincipalRevoked', ctx.now, {
            principalId: current.principalId,
            reason: requiredText(command.reason, 'reason'),
          }),
        ];
      }
      case 'ReplacePrincipalToken': {
        const current = active(state, command.principalId);
        return [
          domainEvent('PrincipalTokenReplaced', ctx.now, {
            principalId: current.principalId,
            tokenHash: requiredText(command.tokenHash, 'tokenHash'),
            expiresAt: expiry(command.expiresAt, ctx),
          }),
        ];
      }
      case 'ChangePrincipalUnits': {
        const current = active(state, command.principalId);
        if (current.role !== 'handler') {
          refuse(
            'not-a-handler',
            `principal ${command.principalId} is a ${current.role}, not scoped to units`,
            'units',
          );
        }
        return [
          domainEvent('PrincipalUnitsChanged', ctx.now, {
            principalId: current.principalId,
            units: handlerUnits(command.units),
          }),
        ];
      }
    }
  },
};

/** Why a presented token is refused now, or null when it admits its principal. */
export function tokenRefusal(
  state: PrincipalStateOrNone,
  tokenHash: string,
  now: string,
  sameHash: (a: string, b: string) => boolean,
): 'unknown' | 'replaced' | 'revoked' | 'expired' | null {
  if (state === null) return 'unknown';
  if (!sameHash(state.tokenHash, tokenHash)) return 'replaced';
  if (state.revoked) return 'revoked';
  if (state.expiresAt !== null && instantOf(state.expiresAt).epochMs <= instantOf(now).epochMs) return 'expired';
  return null;
}
