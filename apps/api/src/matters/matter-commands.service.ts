import { Inject, Injectable } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import {
  ClockSettings,
  decideMatter,
  DecisionContext,
  DomainEvent,
  foldMatter,
  MatterCommand,
  MatterState,
  upcastEvent,
} from '@app/domain';
import { EventEnvelope, newEventId } from '@app/ledger';
import { PersonalDataVault, Principal, sealPetitioners } from '@app/security';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { forbidden } from '../http/problem';
import { CLOCK_SETTINGS } from '../read-models/clock-settings';
import { UnitDirectory } from '../units/unit-directory';
import { EventDraft, LedgerWriter, WriteResult } from '../writes/ledger-writer';
import { WriteContext } from '../writes/write-context';
import { PetitionerDto } from './matter.dto';
import { PERSONAL_DATA_VAULT } from './personal-data.module';

/** Commands only a handler of the unit holding the matter may give. */
const UNIT_COMMANDS = new Set<MatterCommand['type']>([
  'DecideAcceptance',
  'ReturnOutsideRemit',
  'RecordHandlingAction',
  'ExtendDeadline',
  'IssueReply',
  'ResolveMatter',
]);

/** Runs a matter command: the stream folded by the domain, the decider, then the one write path. */
@Injectable()
export class MatterCommands {
  constructor(
    private readonly writer: LedgerWriter,
    private readonly units: UnitDirectory,
    @Inject(CLOCK_SETTINGS) private readonly settings: ClockSettings & { rollForward: boolean },
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(PERSONAL_DATA_VAULT) private readonly vault: PersonalDataVault,
  ) {}

  /** Opens a matter; petitioners' personal data is sealed with their own keys before it enters an event. */
  async open(
    ctx: WriteContext,
    command: Omit<Extract<MatterCommand, { type: 'OpenMatter' }>, 'petitioners' | 'matterId' | 'type'> & {
      matterId?: string;
      petitioners: PetitionerDto[];
    },
  ): Promise<WriteResult> {
    const matterId = command.matterId ?? generateMatterId();
    await this.units.require(command.responsibleUnit, 'responsibleUnit');
    return this.writer.write(ctx, {
      id: matterId,
      stream: `matter-${matterId}`,
      expect: 'new',
      noun: 'matter',
      decide: async (history) => {
        const openedEventId = newEventId();
        const petitioners = sealPetitioners(this.vault, openedEventId, command.petitioners);
        // The new keys are committed (in a group with other requests' keys) before the event refers to them.
        await this.vault.durable();
        const events = this.decide(history, { ...command, type: 'OpenMatter', matterId, petitioners });
        return events.map((e) => (e.type === 'MatterOpened' ? { ...e, eventId: openedEventId } : e));
      },
    });
  }

  async execute(
    ctx: WriteContext,
    matterId: string,
    command: Exclude<MatterCommand, { type: 'OpenMatter' }>,
  ): Promise<WriteResult> {
    if (command.type === 'AssignMatter') await this.units.require(command.unit, 'unit');
    if (command.type === 'CorrectMatter' && command.field === 'responsibleUnit' && command.value) {
      await this.units.require(command.value, 'value');
    }
    return this.writer.write(ctx, {
      id: matterId,
      stream: `matter-${matterId}`,
      expect: 'existing',
      noun: 'matter',
      decide: (history) => {
        if (UNIT_COMMANDS.has(command.type)) this.assertHoldsMatter(ctx.principal, fold(history));
        return this.decide(history, command);
      },
    });
  }

  private decide(history: EventEnvelope[], command: MatterCommand): EventDraft[] {
    const ctx: DecisionContext = {
      now: new Date().toISOString(),
      timeZone: this.settings.timeZone,
      calendar: this.settings.calendar,
      rollForward: this.settings.rollForward,
      collectiveThreshold: this.config.collectiveThreshold,
    };
    return decideMatter(command, fold(history), ctx).map((e: DomainEvent) => ({ ...e }));
  }

  /** A handler acts only on matters its units hold; admin may act for any unit. */
  private assertHoldsMatter(principal: Principal, state: MatterState | null): void {
    if (principal.role === 'admin' || !state) return;
    if (!state.assignedUnit || !principal.units.includes(state.assignedUnit)) {
      throw forbidden(
        state.assignedUnit
          ? `matter ${state.matterId} is held by unit ${state.assignedUnit}, not by your units`
          : `matter ${state.matterId} is not with any unit`,
      );
    }
  }
}

export function fold(history: EventEnvelope[]): MatterState | null {
  return foldMatter(history.map((e) => upcastEvent(e)));
}

/** e.g. XF20221127-k3J9vQ2m: the day it was opened and 48 random bits. */
function generateMatterId(): string {
  const day = new Date().toISOString().slice(0, 10).replace(/-/g, '');
  return `XF${day}-${randomBytes(6).toString('base64url')}`;
}
