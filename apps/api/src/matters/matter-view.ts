import { Inject, Injectable } from '@nestjs/common';
import { ClockSettings, Deadline, deadlines, MatterState, overdueSteps } from '@app/domain';
import { MatterRow } from '@app/projections';
import { Clock, CLOCK, CLOCK_SETTINGS } from '@app/runtime';
import {
  actsForUnit,
  maskIdNumber,
  maskName,
  maskPhone,
  PersonalDataVault,
  Principal,
  SealedPersonalData,
  unitScope,
} from '@app/security';
import { forbidden } from '../http/problem';
import { PERSONAL_DATA_VAULT } from './personal-data.module';

export type PetitionerVisibility = 'full' | 'masked' | 'withheld';

export interface PetitionerView {
  id: string;
  name: string | null;
  idNumber: string | null;
  phone: string | null;
  /** How much of the identity this caller may see. */
  visibility: PetitionerVisibility | 'erased';
}

/**
 * Who may see a petitioner's identity (信访工作条例: never the unit complained about):
 * admin, registrar and leader see it (and the reading is recorded); a handler of the
 * unit the matter is about sees nothing; every other role sees it masked.
 */
export function petitionerVisibility(principal: Principal, state: MatterState): PetitionerVisibility {
  if (unitScope(principal)?.includes(state.responsibleUnit)) return 'withheld';
  if (principal.role === 'admin' || principal.role === 'registrar' || principal.role === 'leader') return 'full';
  return 'masked';
}

/** A handler reads only matters its units hold or held. */
export function mayReadMatter(principal: Principal, state: MatterState): boolean {
  return actsForUnit(principal, state.assignedUnit, ...state.assignments.map((a) => a.unit));
}

export function assertMayRead(principal: Principal, state: MatterState): void {
  if (!mayReadMatter(principal, state)) throw forbidden(`matter ${state.matterId} is not with your units`);
}

export type MatterView = ReturnType<MatterViews['view']>['view'];

@Injectable()
export class MatterViews {
  constructor(
    @Inject(CLOCK_SETTINGS) private readonly settings: ClockSettings,
    @Inject(PERSONAL_DATA_VAULT) private readonly vault: PersonalDataVault,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /**
   * The matter as of now: running limits with their last days and the overdue flags, and
   * the petitioners whose personal data it shows in full (their reading is to be recorded).
   */
  view(row: MatterRow, principal: Principal) {
    const { state } = row;
    assertMayRead(principal, state);
    const today = this.clock.today();
    const all = deadlines(state, this.settings);
    const running = all.filter((d) => d.met === undefined);
    const overdue = overdueSteps(state, today, this.settings);
    const visibility = petitionerVisibility(principal, state);
    const petitioners = row.petitioners.map((p) => this.petitioner(p, visibility));
    const shownInFull = petitioners.filter((p) => p.visibility === 'full').map((p) => p.id);
    return { view: this.describe(row, petitioners, running, all, overdue), shownInFull };
  }

  private describe(
    { state, revision }: MatterRow,
    petitioners: PetitionerView[],
    running: Deadline[],
    all: Deadline[],
    overdue: Deadline[],
  ) {
    return {
      id: state.matterId,
      revision,
      status: state.status,
      category: state.category,
      subject: state.subject,
      responsibleUnit: state.responsibleUnit,
      assignedUnit: state.assignedUnit,
      summary: state.summary,
      openedAt: state.openedAt,
      petitioners,
      contacts: state.contacts,
      deadlines: Object.fromEntries(running.map((d) => [d.step, d.lastDay])),
      deadlineDetails: all.map(describeDeadline),
      overdue: overdue.length > 0,
      overdueSteps: overdue.map((d) => d.step),
      owner: state.owner,
      resolved: state.resolved,
      resolvedAt: state.resolvedAt,
    };
  }

  private petitioner(p: MatterRow['petitioners'][number], visibility: PetitionerVisibility): PetitionerView {
    if (visibility === 'withheld') return { id: p.petitionerId, name: null, idNumber: null, phone: null, visibility };
    const plain = this.vault.open(p.sealed as SealedPersonalData, p.eventId);
    if (!plain) return { id: p.petitionerId, name: null, idNumber: null, phone: null, visibility: 'erased' };
    if (visibility === 'full')
      return { id: p.petitionerId, name: plain.name, idNumber: plain.idNumber, phone: plain.phone, visibility };
    return {
      id: p.petitionerId,
      name: maskName(plain.name),
      idNumber: maskIdNumber(plain.idNumber),
      phone: maskPhone(plain.phone),
      visibility,
    };
  }
}

function describeDeadline(d: Deadline) {
  return {
    step: d.step,
    kind: d.kind,
    unit: d.unit,
    from: d.from,
    lastDay: d.lastDay,
    met: d.met ?? null,
    ...(d.extendedBy ? { extendedBy: d.extendedBy } : {}),
    ...(d.assumedYears?.length
      ? {
          assumedYears: d.assumedYears,
          note: 'the official calendar of these years is unknown: only weekends were treated as rest days',
        }
      : {}),
  };
}
