import { Inject, Injectable } from '@nestjs/common';
import { DecisionContext, MatterCommand, matterDecider, MatterStateOrNone, streams } from '@app/domain';
import { APP_CONFIG, AppConfig, Clock, CLOCK, CLOCK_SETTINGS, RuntimeClockSettings } from '@app/runtime';
import { actsForUnit, Principal } from '@app/security';
import { forbidden } from '../http/problem';
import { DecidedWrite } from '../writes/ledger-writer';

export type MatterWrite = DecidedWrite<MatterCommand, MatterStateOrNone, DecisionContext>;

/**
 * What every matter command hands the writer: the stream `matter-<id>`, the matter
 * decider, and the decision context of this moment (clock, calendar, thresholds).
 * The writer folds the stream once; the handlers only say which command it is.
 */
@Injectable()
export class MatterStream {
  constructor(
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(CLOCK_SETTINGS) private readonly settings: RuntimeClockSettings,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** A command on a matter that must have been opened (else 404); `check` sees the folded state first. */
  write(
    matterId: string,
    command: Exclude<MatterCommand, { type: 'OpenMatter' }>,
    check?: (state: MatterStateOrNone) => void,
  ): MatterWrite {
    return { ...this.target(matterId, 'existing'), command, ...(check ? { check } : {}) };
  }

  /** The stream and decider of a matter, for a write that builds its own command (opening one). */
  target(matterId: string, expect: 'new' | 'existing'): Omit<MatterWrite, 'command' | 'prepare'> {
    return {
      stream: streams.matter(matterId),
      expect,
      noun: 'matter',
      decider: matterDecider,
      context: this.context(),
    };
  }

  private context(): DecisionContext {
    return {
      now: this.clock.now().toISOString(),
      timeZone: this.settings.timeZone,
      calendar: this.settings.calendar,
      rollForward: this.settings.rollForward,
      collectiveThreshold: this.config.collectiveThreshold,
    };
  }
}

/**
 * For the commands only the unit holding the matter may give (accept, return, act, extend,
 * reply, resolve): the one unit-scope rule of libs/security on the folded state.
 */
export function heldByUnitsOf(principal: Principal): (state: MatterStateOrNone) => void {
  return (state) => {
    if (!state || actsForUnit(principal, state.assignedUnit)) return;
    throw forbidden(
      state.assignedUnit
        ? `matter ${state.matterId} is held by unit ${state.assignedUnit}, not by your units`
        : `matter ${state.matterId} is not with any unit`,
    );
  };
}
