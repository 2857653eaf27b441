import {
  addDays,
  CampaignState,
  ClockSettings,
  DecisionContext,
  decideMatter,
  DomainEvent,
  evolveMatter,
  isRuleViolation,
  LocalDate,
  MatterCommand,
  Role,
  SealedPetitioner,
} from '@app/domain';
import { Actor } from '@app/ledger';
import type { PetitionerInput } from '@app/security';
import { LEADERS, LeaderKey } from '../demo-city';
import { DemoLedger } from '../demo-ledger';
import { WorkReportFacts } from '../demo-work-report';
import { dateOf, iso, midnight } from '../demo-time';
import { Random } from '../random';
import { Agenda } from './agenda';
import type { SimMatter } from './simulated-matter';

export interface DemoSettings {
  seed: number;
  /** The demo year; the year before is generated too, for comparisons. */
  year: number;
  /** 1 gives the example report's volumes; tests use a fraction. */
  scale: number;
  clock: ClockSettings & { rollForward: boolean };
  collectiveThreshold: number;
  /** Seals petitioners' personal data as the API does (per-petitioner keys, AAD = the event id). */
  seal: (
    openedEventId: string,
    petitioners: readonly PetitionerInput[],
    petitionerId: () => string,
  ) => SealedPetitioner[];
  /** Nothing is dated after this instant (ms); default the end of the year. */
  endMs?: number;
  onDay?: (date: LocalDate) => void;
}

export interface DemoPrincipal {
  id: string;
  name: string;
  role: Role;
  units: string[];
  token: string;
}

export interface DemoSummary {
  from: LocalDate;
  to: LocalDate;
  principals: DemoPrincipal[];
  matters: number;
  /** Contacts by year and kind (visit-collective, visit-individual, skip-level, online, letter, phone, sms). */
  contacts: Record<string, Record<string, number>>;
  campaign: { id: string; cases: number } | null;
  /** Commands the domain refused (a demo bug if any): rule → count. */
  refusals: Record<string, number>;
}

export const ADMIN: Actor = { id: 'admin', role: 'admin' };
export const REGISTRAR: Actor = { id: 'registrar-1', role: 'registrar' };
export const handler = (unit: string): Actor => ({ id: `handler-${unit}`, role: 'handler' });
export const leaderActor = (key: LeaderKey): Actor => ({ id: LEADERS[key].id, role: 'leader' });

/**
 * What every section of the simulation shares: the settings, the two random streams,
 * the agenda (the only clock) and the instant of the task being run, the matters, and
 * writing through the domain (every fact decided by its domain function, then appended
 * as its actor).
 */
export class SimulationWorld {
  readonly rng: Random;
  /** Petitioner ids and personal data: their own stream, so sealing never shifts the simulation. */
  readonly people: Random;
  readonly agenda = new Agenda();
  readonly matters = new Map<string, SimMatter>();
  /** Escalations and big visits: what the leaders' meetings talk about. */
  readonly hot: SimMatter[] = [];
  readonly lateByUnitMonth = new Map<string, string[]>();
  readonly refusals: Record<string, number> = {};
  readonly contactCounts: Record<string, Record<string, number>> = {};
  readonly principals: DemoPrincipal[] = [];
  campaign: { id: string; state: CampaignState | null; cases: SimMatter[] } | null = null;
  /** The instant of the task being run: the simulation's "now". */
  clock = 0;
  readonly sequences = new Map<string, number>();
  readonly first: LocalDate;
  readonly last: LocalDate;
  readonly endMs: number;
  readonly workReport: WorkReportFacts;

  constructor(
    readonly ledger: DemoLedger,
    readonly settings: DemoSettings,
  ) {
    this.rng = new Random(settings.seed, 1);
    this.people = new Random(settings.seed, 2);
    this.first = `${settings.year - 1}-01-01` as LocalDate;
    this.last = `${settings.year}-12-31` as LocalDate;
    this.endMs = Math.min(settings.endMs ?? Number.POSITIVE_INFINITY, midnight(addDays(this.last, 1)) - 1);
    const schedule = (atMs: number, run: (atMs: number) => Promise<unknown>) => this.schedule(atMs, run);
    this.workReport = new WorkReportFacts({
      ledger,
      seed: settings.seed,
      clock: settings.clock,
      schedule,
      registrar: REGISTRAR,
    });
  }

  refused(error: unknown): void {
    if (!isRuleViolation(error)) throw error;
    this.refusals[error.rule] = (this.refusals[error.rule] ?? 0) + 1;
  }

  /** A fact outside matters: decided by its domain function, appended as `actor`. */
  async fact(stream: string, actor: Actor, decide: () => DomainEvent[]): Promise<boolean> {
    let events: DomainEvent[];
    try {
      events = decide();
    } catch (error) {
      this.refused(error);
      return false;
    }
    await this.ledger.write(stream, actor, events);
    return true;
  }

  context(atMs: number): DecisionContext {
    const { clock, collectiveThreshold } = this.settings;
    return {
      now: iso(atMs),
      timeZone: clock.timeZone,
      calendar: clock.calendar,
      rollForward: clock.rollForward,
      collectiveThreshold,
    };
  }

  /** A matter command at `atMs`, decided on the matter's state as the API would, then appended. */
  async command(m: SimMatter, actor: Actor, atMs: number, command: MatterCommand): Promise<boolean> {
    let events: DomainEvent[];
    try {
      events = decideMatter(command, m.state, this.context(atMs));
    } catch (error) {
      this.refused(error);
      return false;
    }
    await this.ledger.write(m.stream, actor, events);
    for (const event of events) m.state = evolveMatter(m.state, event)!;
    return true;
  }

  schedule(atMs: number, run: (atMs: number) => Promise<unknown> | unknown): void {
    this.agenda.add(atMs, async () => {
      await run(atMs);
    });
  }

  /**
   * The stream of a fact that has no natural id, named as the API names it
   * (`reception-RC20220105-…`), with a counter where the API has random bits.
   */
  factStream(kind: 'reception' | 'screening' | 'risk_assessment' | 'accountability', when: number): string {
    const prefix = { reception: 'RC', screening: 'SC', risk_assessment: 'RA', accountability: 'AC' }[kind];
    const key = `${kind}-${prefix}${dateOf(when).replace(/-/g, '')}`;
    const n = (this.sequences.get(key) ?? 0) + 1;
    this.sequences.set(key, n);
    return `${key}-${String(n).padStart(4, '0')}`;
  }
}
