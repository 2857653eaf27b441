import { ASSIGNMENT_MODES, CATEGORIES, CORRECTABLE_FIELDS } from '../code-lists';
import { DomainEvent, domainEvent } from '../events/event-catalog';
import type { SealedPetitioner } from '../events/matter-events';
import { assertInTime, factInstant, oneOf, optionalText, refuse, requiredText } from './command-checks';
import { contactData } from './contact-rules';
import { DEFAULT_COLLECTIVE_THRESHOLD, DecisionContext } from './decision-context';
import type {
  AssignMatter,
  AssignOwner,
  CorrectMatter,
  OpenMatter,
  RecordContact,
  ResolveMatter,
} from './matter-commands';
import type { MatterState, MatterStateOrNone } from './matter-state';

const MATTER_ID = /^[A-Za-z0-9_-]{1,64}$/;

function collectiveThreshold(ctx: DecisionContext): number {
  const threshold = ctx.collectiveThreshold ?? DEFAULT_COLLECTIVE_THRESHOLD;
  if (!Number.isSafeInteger(threshold) || threshold < 1)
    throw new RangeError(`collectiveThreshold ${threshold} is not ≥ 1`);
  return threshold;
}

function sealedPetitioners(value: unknown): SealedPetitioner[] {
  if (!Array.isArray(value)) refuse('value-required', 'petitioners must be a list (possibly empty)', 'petitioners');
  const seen = new Set<string>();
  return value.map((p: SealedPetitioner, i) => {
    const field = `petitioners[${i}].petitionerId`;
    const id = requiredText(p?.petitionerId, field);
    if (seen.has(id)) refuse('value-invalid', `petitioner ${id} is listed twice`, field);
    seen.add(id);
    // `sealed` is ciphertext made outside the domain: carried, never inspected.
    return { petitionerId: id, sealed: p.sealed };
  });
}

export function openMatter(command: OpenMatter, state: MatterStateOrNone, ctx: DecisionContext): DomainEvent[] {
  if (typeof command.matterId !== 'string' || !MATTER_ID.test(command.matterId)) {
    refuse('value-invalid', 'matterId must match ^[A-Za-z0-9_-]{1,64}$', 'matterId');
  }
  const category = oneOf(CATEGORIES, command.category, 'category');
  const subject = optionalText(command.subject, 'subject');
  const responsibleUnit = requiredText(command.responsibleUnit, 'responsibleUnit');
  const summary = requiredText(command.summary, 'summary');
  const petitioners = sealedPetitioners(command.petitioners);
  const contact = contactData(command.contact, false, collectiveThreshold(ctx));
  const at = factInstant(command.contact.occurredAt, ctx, 'contact.occurredAt');
  if (state !== null) refuse('already-opened', `matter ${state.matterId} is already open`);
  assertInTime(at, ctx, undefined, 'contact.occurredAt');
  return [
    domainEvent('MatterOpened', at.iso, {
      matterId: command.matterId,
      category,
      subject,
      responsibleUnit,
      summary,
      petitioners,
    }),
    domainEvent('ContactRecorded', at.iso, contact),
  ];
}

export function recordContact(command: RecordContact, state: MatterState, ctx: DecisionContext): DomainEvent[] {
  // Every contact after the first on a matter is a repeat (重复信访).
  const contact = contactData(command.contact, true, collectiveThreshold(ctx));
  const at = factInstant(command.contact.occurredAt, ctx, 'contact.occurredAt');
  assertInTime(at, ctx, { at: state.openedAt, what: 'first contact' }, 'contact.occurredAt');
  return [domainEvent('ContactRecorded', at.iso, contact)];
}

export function assignMatter(command: AssignMatter, state: MatterState, ctx: DecisionContext): DomainEvent[] {
  const unit = requiredText(command.unit, 'unit');
  const mode = oneOf(ASSIGNMENT_MODES, command.mode, 'mode');
  const at = factInstant(command.occurredAt, ctx);
  if (state.status !== 'registered' && state.status !== 'returned') {
    const holder = state.assignments[state.assignments.length - 1]?.unit;
    refuse('already-assigned', `the matter is already with ${holder}; it can be reassigned only after a remit return`);
  }
  const cycle = state.transfers[state.transfers.length - 1];
  assertInTime(at, ctx, { at: cycle.from, what: state.status === 'returned' ? 'remit return' : 'receipt' });
  return [domainEvent('MatterAssigned', at.iso, { unit, mode })];
}

export function assignOwner(command: AssignOwner, state: MatterState, ctx: DecisionContext): DomainEvent[] {
  const leader = requiredText(command.leader, 'leader');
  const at = factInstant(command.occurredAt, ctx);
  if (state.owner === leader) refuse('owner-unchanged', `${leader} already owns the matter`, 'leader');
  assertInTime(
    at,
    ctx,
    state.ownerSince ? { at: state.ownerSince, what: 'previous ownership' } : { at: state.openedAt, what: 'receipt' },
  );
  return [domainEvent('OwnerAssigned', at.iso, { leader })];
}

export function resolveMatter(command: ResolveMatter, state: MatterState, ctx: DecisionContext): DomainEvent[] {
  const note = requiredText(command.note, 'note');
  const at = factInstant(command.occurredAt, ctx);
  if (state.resolved) refuse('already-resolved', `the matter was resolved at ${state.resolvedAt}`);
  assertInTime(at, ctx, { at: state.openedAt, what: 'receipt' });
  return [domainEvent('MatterResolved', at.iso, { note })];
}

function correctedValue(command: CorrectMatter): string | null {
  switch (command.field) {
    case 'category':
      return oneOf(CATEGORIES, command.value, 'value');
    case 'subject':
      return optionalText(command.value, 'value');
    default:
      return requiredText(command.value, 'value');
  }
}

export function correctMatter(command: CorrectMatter, state: MatterState, ctx: DecisionContext): DomainEvent[] {
  const field = oneOf(CORRECTABLE_FIELDS, command.field, 'field');
  const value = correctedValue(command);
  const reason = requiredText(command.reason, 'reason');
  const previous = state[field];
  if (previous === value) refuse('correction-unchanged', `${field} is already ${JSON.stringify(value)}`, 'value');
  // A correction is a fact about the record, dated when it is made.
  return [domainEvent('CorrectionRecorded', ctx.now, { field, value, previous, reason })];
}
