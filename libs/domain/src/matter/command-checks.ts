import { isOneOf } from '../code-lists';
import { RuleCode, RuleViolation } from '../rules/rule-violation';
import { Instant, instantOf, parseInstant } from '../time/time-zone';
import type { DecisionContext } from './decision-context';
import type { MatterState, MatterStateOrNone } from './matter-state';

export const MAX_TEXT_LENGTH = 4000;

type Now = Pick<DecisionContext, 'now'>;

export function refuse(rule: RuleCode, message: string, field?: string): never {
  throw new RuleViolation(rule, message, field);
}

/** A required free text: a non-blank string of at most 4000 characters. */
export function requiredText(value: unknown, field: string): string {
  if (typeof value !== 'string' || value.trim() === '') refuse('value-required', `${field} is required`, field);
  if (value.length > MAX_TEXT_LENGTH) {
    refuse('value-invalid', `${field} is longer than ${MAX_TEXT_LENGTH} characters`, field);
  }
  return value;
}

/** An optional free text; blank counts as absent. */
export function optionalText(value: unknown, field: string): string | null {
  if (value === undefined || value === null || (typeof value === 'string' && value.trim() === '')) return null;
  return requiredText(value, field);
}

export function oneOf<T extends string>(list: readonly T[], value: unknown, field: string): T {
  if (!isOneOf(list, value)) {
    refuse('value-invalid', `${field} must be one of ${list.join(', ')}; got ${JSON.stringify(value)}`, field);
  }
  return value;
}

export function requireOpened(state: MatterStateOrNone): MatterState {
  if (state === null) refuse('not-opened', 'the matter has not been opened');
  return state;
}

/** The instant of a command's fact: as given (with an offset), or ctx.now when absent. */
export function factInstant(occurredAt: unknown, ctx: Now, field = 'occurredAt'): Instant {
  if (occurredAt === undefined || occurredAt === null) return instantOf(ctx.now);
  const parsed = typeof occurredAt === 'string' ? parseInstant(occurredAt) : null;
  if (!parsed || !parsed.ok) {
    refuse('occurred-at-invalid', parsed ? parsed.error.message : `${field} must be a string`, field);
  }
  return parsed.value;
}

/**
 * Back-dating is allowed (a notice may arrive days late), but a fact cannot
 * happen after `now` nor before the fact it follows in the procedure.
 */
export function assertInTime(
  at: Instant,
  ctx: Now,
  follows?: { readonly at: string; readonly what: string },
  field = 'occurredAt',
): void {
  if (at.epochMs > instantOf(ctx.now).epochMs) {
    refuse('occurred-in-future', `${field} ${at.iso} is later than now (${ctx.now})`, field);
  }
  if (follows && at.epochMs < instantOf(follows.at).epochMs) {
    refuse(
      'occurred-before-previous-fact',
      `${field} ${at.iso} is before the ${follows.what} it follows (${follows.at})`,
      field,
    );
  }
}

/** The later of two instants, by the timeline. */
export function laterOf(a: string, b: string | null | undefined): string {
  return b && instantOf(b).epochMs > instantOf(a).epochMs ? b : a;
}
