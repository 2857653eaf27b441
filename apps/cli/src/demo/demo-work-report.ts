import {
  addDays,
  ClockSettings,
  DomainEvent,
  instructionDecider,
  Level,
  LocalDate,
  RecordUpperAssignment,
  streams,
  UpperLevel,
  upperAssignmentDecider,
} from '@app/domain';
import type { Actor } from '@app/ledger';
import { HOUSING_PROJECTS, LEADERS } from './demo-city';
import type { DemoLedger } from './demo-ledger';
import { iso, later, officeTime } from './demo-time';
import { Random } from './random';

/**
 * The facts only the work report reads (sections 二 and 三): the matters the levels above
 * assign to the city (上三级交办) and the leaders' instructions (批示). A section of its
 * own with its own random stream and its own event ids, so that adding it left every
 * fact of the other sections exactly as it was (same content, ids and order; only the
 * ledger positions after its first fact move).
 */
export interface WorkReportFactsDependencies {
  readonly ledger: DemoLedger;
  readonly seed: number;
  readonly clock: ClockSettings;
  /** Runs `run` at the simulated instant `atMs` (the simulation's agenda). */
  readonly schedule: (atMs: number, run: (atMs: number) => Promise<unknown>) => void;
  /** The bureau's registrar, who enters what arrives from above and what the leaders instruct. */
  readonly registrar: Actor;
}

/** The level a contact was lodged at assigns it back down: 赴京 the centre, 到省 the province, 去周 the prefecture. */
const ASSIGNER: Partial<Record<Level, UpperLevel>> = {
  national: 'central',
  province: 'province',
  prefecture: 'prefecture',
};

const DOCUMENT_PREFIX: Record<UpperLevel, string> = {
  central: '国信交',
  province: '豫信交',
  prefecture: '周信交',
};

const INSTRUCTION_TEXTS = [
  '请市信访局会同属地抓紧化解，每周报告进展',
  '问题楼盘要逐个逐项推进，确保群众合法权益',
  '要压实包案责任，限期办结，防止矛盾激化',
  '请政法委牵头研判，依法依规妥善处置',
  '拖欠农民工工资问题要在春节前全部清零',
];

/** Instructions per working day: about fifteen a half-year, as in the example report. */
const INSTRUCTIONS_PER_WORKING_DAY = 15 / 122;

export class WorkReportFacts {
  private readonly rng: Random;
  private readonly ledger: Pick<DemoLedger, 'write'>;
  private readonly documents = new Map<string, number>();
  private instructions = 0;

  constructor(private readonly deps: WorkReportFactsDependencies) {
    this.rng = new Random(deps.seed, 3);
    this.ledger = deps.ledger.lane('wr', 0x1d6);
  }

  /**
   * A matter first lodged above the city is, as a rule, assigned back down by that level a
   * few working days later, with the assigner's own due date (usually 60 days, sometimes
   * 45 or 90), which the unit's first reply meets or misses as the simulation has it.
   */
  opened(matterId: string, level: Level, openedMs: number): void {
    const assigner = ASSIGNER[level];
    if (!assigner || !this.rng.chance(0.95)) return;
    const when = later(this.rng, this.deps.clock.calendar, openedMs, 1, 4);
    const days = this.rng.weighted([
      [60, 0.7],
      [45, 0.2],
      [90, 0.1],
    ] as const);
    this.deps.schedule(when, (t) => {
      const year = iso(t).slice(0, 4);
      const key = `${assigner}|${year}`;
      const n = (this.documents.get(key) ?? 0) + 1;
      this.documents.set(key, n);
      const command: RecordUpperAssignment = {
        type: 'RecordUpperAssignment',
        matterId,
        level: assigner,
        documentRef: `${DOCUMENT_PREFIX[assigner]}〔${year}〕${n}号`,
        dueBy: addDays(iso(t).slice(0, 10), days),
        occurredAt: iso(t),
      };
      const context = { now: iso(t), timeZone: this.deps.clock.timeZone };
      return this.write(streams.upperAssignment(matterId).name, () =>
        upperAssignmentDecider.decide(command, upperAssignmentDecider.initialState, context),
      );
    });
  }

  /** 批示: now and then on a working day, the party secretary (or the mayor) on a problem housing project or on the work. */
  day(date: LocalDate): void {
    if (!this.deps.clock.calendar.isWorkingDay(date) || !this.rng.chance(INSTRUCTIONS_PER_WORKING_DAY)) return;
    const when = officeTime(this.rng, date);
    const leader = this.rng.chance(0.85) ? LEADERS.secretary.name : LEADERS.mayor.name;
    const subject = this.rng.chance(0.6)
      ? this.rng.weighted(HOUSING_PROJECTS.map((p) => [p.name, p.online] as const))
      : null;
    const text = this.rng.pick(INSTRUCTION_TEXTS);
    this.deps.schedule(when, (t) => {
      this.instructions += 1;
      const id = `IN${date.replace(/-/g, '')}-${String(this.instructions).padStart(4, '0')}`;
      return this.write(streams.instruction(id).name, () =>
        instructionDecider.decide(
          { type: 'RecordInstruction', leader, occurredAt: iso(t), subject, text },
          instructionDecider.initialState,
          { now: iso(t) },
        ),
      );
    });
  }

  private async write(stream: string, decide: () => DomainEvent[]): Promise<void> {
    await this.ledger.write(stream, this.deps.registrar, decide());
  }
}
