import { ACCOUNTABILITY_KINDS, MEETING_KINDS, ROLES, UNIT_KINDS } from '../code-lists';
import { DomainEventOf, domainEvent } from '../events/event-catalog';
import { assertInTime, factInstant, oneOf, optionalText, refuse, requiredText } from '../matter/command-checks';
import type { DecisionContext } from '../matter/decision-context';
import { parseLocalDate } from '../time/local-date';
import { instantOf, parseInstant } from '../time/time-zone';
import type {
  ErasePetitioner,
  HoldMeeting,
  RecordAccountabilityAction,
  RecordInstruction,
  RecordReception,
  RecordRiskAssessment,
  RecordScreening,
  RegisterPrincipal,
  RegisterUnit,
} from './fact-commands';

/** Facts outside matters need only the current instant. */
export type FactContext = Pick<DecisionContext, 'now'>;

const ID = /^[A-Za-z0-9_-]{1,64}$/;

function identifier(value: unknown, field: string): string {
  if (typeof value !== 'string' || !ID.test(value))
    refuse('value-invalid', `${field} must match ^[A-Za-z0-9_-]{1,64}$`, field);
  return value;
}

function count(value: unknown, field: string): number {
  if (!Number.isSafeInteger(value) || (value as number) < 0) {
    refuse('value-invalid', `${field} must be a whole number ≥ 0; got ${JSON.stringify(value)}`, field);
  }
  return value as number;
}

function atMost(part: number, partField: string, whole: number, wholeField: string): void {
  if (part > whole) refuse('value-invalid', `${partField} (${part}) cannot exceed ${wholeField} (${whole})`, partField);
}

function date(value: unknown, field: string): string {
  const parsed = typeof value === 'string' ? parseLocalDate(value) : null;
  if (!parsed?.ok) refuse('value-invalid', `${field} must be a date YYYY-MM-DD`, field);
  return parsed.value;
}

/** occurredAt as given (not in the future) or now: the time of every fact outside matters. */
export function factTime(occurredAt: string | undefined, ctx: FactContext): string {
  const at = factInstant(occurredAt, ctx);
  assertInTime(at, ctx);
  return at.iso;
}

export function registerUnit(command: RegisterUnit, ctx: FactContext): DomainEventOf<'UnitRegistered'> {
  return domainEvent('UnitRegistered', ctx.now, {
    code: identifier(command.code, 'code'),
    name: requiredText(command.name, 'name'),
    kind: oneOf(UNIT_KINDS, command.kind, 'kind'),
    parent: command.parent === undefined || command.parent === null ? null : identifier(command.parent, 'parent'),
  });
}

/** A handler is scoped to at least one unit; other roles to none (they are not unit-bound). */
export function registerPrincipal(command: RegisterPrincipal, ctx: FactContext): DomainEventOf<'PrincipalRegistered'> {
  const role = oneOf(ROLES, command.role, 'role');
  const units = [...new Set((command.units ?? []).map((u, i) => identifier(u, `units[${i}]`)))];
  if (role === 'handler' && units.length === 0) refuse('value-required', 'a handler needs at least one unit', 'units');
  if (role !== 'handler' && units.length > 0) refuse('value-invalid', `a ${role} is not scoped to units`, 'units');
  const expiresAt = expiry(command.expiresAt, ctx);
  return domainEvent('PrincipalRegistered', ctx.now, {
    principalId: identifier(command.principalId, 'principalId'),
    name: requiredText(command.name, 'name'),
    role,
    units,
    tokenHash: requiredText(command.tokenHash, 'tokenHash'),
    // Only when given: a principal without expiry is recorded exactly as before expiry existed.
    ...(expiresAt === null ? {} : { expiresAt }),
  });
}

/** A token's expiry: absent (null), or an instant with an offset that is later than now. */
export function expiry(value: unknown, ctx: FactContext, field = 'expiresAt'): string | null {
  if (value === undefined || value === null) return null;
  const parsed = typeof value === 'string' ? parseInstant(value) : null;
  if (!parsed?.ok) refuse('value-invalid', `${field} must be an ISO-8601 instant with an offset`, field);
  if (parsed.value.epochMs <= instantOf(ctx.now).epochMs) {
    refuse('value-invalid', `${field} ${parsed.value.iso} is not later than now (${ctx.now})`, field);
  }
  return parsed.value.iso;
}

/** A handler's units: at least one, each a unit code, each once. */
export function handlerUnits(units: unknown, field = 'units'): string[] {
  if (!Array.isArray(units)) refuse('value-required', `${field} must be a list of unit codes`, field);
  const codes = units.map((u, i) => identifier(u, `${field}[${i}]`));
  if (codes.length === 0) refuse('value-required', 'a handler needs at least one unit', field);
  return [...new Set(codes)];
}

export function erasePetitioner(command: ErasePetitioner, ctx: FactContext): DomainEventOf<'PetitionerErased'> {
  return domainEvent('PetitionerErased', ctx.now, {
    petitionerId: requiredText(command.petitionerId, 'petitionerId'),
    reason: requiredText(command.reason, 'reason'),
  });
}

export function recordReception(command: RecordReception, ctx: FactContext): DomainEventOf<'ReceptionRecorded'> {
  const leader = requiredText(command.leader, 'leader');
  const batches = count(command.batches, 'batches');
  const persons = count(command.persons, 'persons');
  const resolvedOnSiteBatches = count(command.resolvedOnSiteBatches, 'resolvedOnSiteBatches');
  const resolvedOnSitePersons = count(command.resolvedOnSitePersons, 'resolvedOnSitePersons');
  // Every batch is at least one person.
  if (persons < batches)
    refuse('value-invalid', `persons (${persons}) cannot be fewer than batches (${batches})`, 'persons');
  atMost(resolvedOnSiteBatches, 'resolvedOnSiteBatches', batches, 'batches');
  atMost(resolvedOnSitePersons, 'resolvedOnSitePersons', persons, 'persons');
  return domainEvent('ReceptionRecorded', factTime(command.occurredAt, ctx), {
    leader,
    batches,
    persons,
    resolvedOnSiteBatches,
    resolvedOnSitePersons,
  });
}

export function recordScreening(command: RecordScreening, ctx: FactContext): DomainEventOf<'ScreeningRecorded'> {
  const unit = requiredText(command.unit, 'unit');
  const found = count(command.found, 'found');
  const resolved = count(command.resolved, 'resolved');
  atMost(resolved, 'resolved', found, 'found');
  return domainEvent('ScreeningRecorded', factTime(command.occurredAt, ctx), { unit, found, resolved });
}

export function recordRiskAssessment(
  command: RecordRiskAssessment,
  ctx: FactContext,
): DomainEventOf<'RiskAssessmentRecorded'> {
  const project = requiredText(command.project, 'project');
  if (typeof command.passed !== 'boolean') refuse('value-required', 'passed must be true or false', 'passed');
  return domainEvent('RiskAssessmentRecorded', factTime(command.occurredAt, ctx), { project, passed: command.passed });
}

export function holdMeeting(command: HoldMeeting, ctx: FactContext): DomainEventOf<'MeetingHeld'> {
  const meetingId = identifier(command.meetingId, 'meetingId');
  const kind = oneOf(MEETING_KINDS, command.kind, 'kind');
  const chair = requiredText(command.chair, 'chair');
  if (!Array.isArray(command.decisions)) refuse('value-required', 'decisions must be a list', 'decisions');
  const decisions = command.decisions.map((d, i) => ({
    matterId: identifier(d?.matterId, `decisions[${i}].matterId`),
    decision: requiredText(d.decision, `decisions[${i}].decision`),
    unit: requiredText(d.unit, `decisions[${i}].unit`),
    dueBy: date(d.dueBy, `decisions[${i}].dueBy`),
  }));
  return domainEvent('MeetingHeld', factTime(command.occurredAt, ctx), { meetingId, kind, chair, decisions });
}

export function recordAccountabilityAction(
  command: RecordAccountabilityAction,
  ctx: FactContext,
): DomainEventOf<'AccountabilityActionRecorded'> {
  const kind = oneOf(ACCOUNTABILITY_KINDS, command.kind, 'kind');
  const unit = requiredText(command.unit, 'unit');
  const person = optionalText(command.person, 'person');
  const g = command.grounds ?? {};
  const grounds = {
    ...(g.ranking !== undefined ? { ranking: requiredText(g.ranking, 'grounds.ranking') } : {}),
    ...(g.bulletin !== undefined ? { bulletin: requiredText(g.bulletin, 'grounds.bulletin') } : {}),
    ...(g.matters !== undefined ? { matters: g.matters.map((m, i) => identifier(m, `grounds.matters[${i}]`)) } : {}),
  };
  // Accountability is grounded on something published or on named matters, never on nothing.
  if (Object.keys(grounds).length === 0)
    refuse('value-required', 'grounds need a ranking, a bulletin or matters', 'grounds');
  return domainEvent('AccountabilityActionRecorded', factTime(command.occurredAt, ctx), {
    kind,
    unit,
    person,
    grounds,
  });
}

/** 批示: a leader's instruction, on a matter, on a subject (a project, employer, place) or on petition work in general. */
export function recordInstruction(command: RecordInstruction, ctx: FactContext): DomainEventOf<'InstructionRecorded'> {
  const leader = requiredText(command.leader, 'leader');
  const matterId =
    command.matterId === undefined || command.matterId === null ? null : identifier(command.matterId, 'matterId');
  const subject = optionalText(command.subject, 'subject');
  const text = requiredText(command.text, 'text');
  return domainEvent('InstructionRecorded', factTime(command.occurredAt, ctx), { leader, matterId, subject, text });
}
