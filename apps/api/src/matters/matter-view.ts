import { Inject, Injectable } from '@nestjs/common';
import { ClockSettings, Deadline, deadlines, localDateOf, MatterState, overdueSteps } from '@app/domain';
import { EVENT_STORE, EventStore } from '@app/ledger';
import { MatterRow } from '@app/projections';
import { maskIdNumber, maskName, maskPhone, PersonalDataVault, Principal, SealedPersonalData } from '@app/security';
import { forbidden } from '../http/problem';
import { CLOCK_SETTINGS } from '../read-models/clock-settings';
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
  if (principal.role === 'handler' && principal.units.includes(state.responsibleUnit)) return 'withheld';
  if (principal.role === 'admin' || principal.role === 'registrar' || principal.role === 'leader') return 'full';
  return 'masked';
}

/** A handler reads only matters its units hold or held. */
export function assertMayRead(principal: Principal, state: MatterState): void {
  if (principal.role !== 'handler') return;
  const units = new Set([state.assignedUnit, ...state.assignments.map((a) => a.unit)]);
  if (!principal.units.some((u) => units.has(u))) throw forbidden(`matter ${state.matterId} is not with your units`);
}

@Injectable()
export class MatterViews {
  constructor(
    @Inject(CLOCK_SETTINGS) private readonly settings: ClockSettings,
    @Inject(PERSONAL_DATA_VAULT) private readonly vault: PersonalDataVault,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  /** The matter as of now: running limits with their last days and the overdue flags. */
  async view(row: MatterRow, principal: Principal, correlationId: string | null) {
    const { state } = row;
    assertMayRead(principal, state);
    const today = localDateOf(new Date().toISOString(), this.settings.timeZone);
    const all = deadlines(state, this.settings);
    const running = all.filter((d) => d.met === undefined);
    const overdue = overdueSteps(state, today, this.settings);
    const visibility = petitionerVisibility(principal, state);
    const petitioners = row.petitioners.map((p) => this.petitioner(p, visibility));
    if (visibility === 'full' && petitioners.some((p) => p.visibility === 'full')) {
      await this.recordReading(
        state.matterId,
        petitioners.filter((p) => p.visibility === 'full').map((p) => p.id),
        principal,
        correlationId,
      );
    }
    return {
      id: state.matterId,
      revision: row.revision,
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

  /** Principle 4: every reading of personal data is itself recorded, as an event. */
  private async recordReading(
    matterId: string,
    petitionerIds: string[],
    principal: Principal,
    correlationId: string | null,
  ) {
    await this.store.append(
      `pd-access-${matterId}`,
      [
        {
          type: 'PersonalDataViewed',
          version: 1,
          occurredAt: new Date().toISOString(),
          actor: { id: principal.id, role: principal.role },
          correlationId,
          data: { matterId, petitionerIds },
        },
      ],
      'any',
    );
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
