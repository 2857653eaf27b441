import {
  Category,
  DateRange,
  halfMonthOf,
  formatPeriod,
  JudgedCaseStanding,
  LocalDate,
  MeetingKind,
  MEETING_KINDS,
  rate,
  TopicWindow,
  UpperLevel,
  UPPER_LEVELS,
} from '@app/domain';
import type { BatchesPersons, OverviewReport } from './overview';
import { sectionThreeText, sectionTwoText } from './work-report-text';

// ---- what the read models give (one period) ----

/** Online and visit contacts of the period, grouped finely enough for every section 三 figure. */
export interface ContactDetail {
  readonly occurredOn: LocalDate;
  readonly channel: 'online' | 'visit';
  readonly level: string;
  readonly subject: string | null;
  readonly category: Category;
  readonly collective: boolean;
  readonly repeat: boolean;
  readonly batches: number;
  readonly persons: number;
}

export interface CampaignTargetFigures {
  readonly id: string;
  readonly targets: readonly { readonly by: LocalDate; readonly rate: number }[];
}

export interface WorkFigures {
  readonly instructions: readonly { readonly leader: string; readonly count: number }[];
  readonly meetings: readonly { readonly kind: MeetingKind; readonly count: number }[];
  /** Each case (件次) judged at a weekly judgment meeting in the period, with how it stands at the period's end. */
  readonly judgedCases: readonly JudgedCaseStanding[];
  readonly upperAssignments: {
    readonly received: readonly { readonly level: UpperLevel; readonly count: number }[];
    /** Of the assignments whose assigner's due date fell in the period and has come: completed (replied) by it. */
    readonly due: number;
    readonly onTime: number;
  };
  readonly reviews: { readonly review: number; readonly reReview: number };
  readonly campaignTargets: readonly CampaignTargetFigures[];
  readonly contacts: readonly ContactDetail[];
}

// ---- the report ----

export interface SubjectCount {
  subject: string;
  contacts: number;
  /** Percent of the group the list is about. */
  share: number | null;
}

export interface SectionTwo {
  instructions: { total: number; byLeader: { leader: string; count: number }[] };
  meetings: Record<MeetingKind, number> & {
    judgedCases: number;
    resolved: number;
    underControl: number;
    /** (resolved + under control) ÷ judged cases. */
    resolvedOrUnderControlRate: number | null;
  };
  receptions: OverviewReport['receptions'];
  upperAssignments: {
    received: number;
    byLevel: Record<UpperLevel, number>;
    due: number;
    onTime: number;
    onTimeRate: number | null;
  };
  online: { total: number; onTimeRate: number | null };
  sms: number;
  reviews: { completed: number; review: number; reReview: number };
  screenings: OverviewReport['screenings'];
  riskAssessments: OverviewReport['riskAssessments'] & { rate: number | null };
  campaigns: (OverviewReport['campaigns'][number] & {
    /** The latest target due by the period's end (else the first one), and whether the rate reaches it. */
    target: { by: LocalDate; rate: number } | null;
    targetMet: boolean | null;
  })[];
  accountability: OverviewReport['accountability'];
  text: string;
}

export interface TopicCluster {
  id: string;
  name: string;
  categories: Category[];
  window: DateRange;
  /** City visits of the topic's categories in the window; share of all city visits of the same form there. */
  collective: BatchesPersons & { share: number | null };
  individual: BatchesPersons & { share: number | null };
  subjects: SubjectCount[];
}

export interface SectionThree {
  onlineRepeat: { total: number; repeat: number; rate: number | null; subjects: SubjectCount[] };
  /** The half-month (within the period) with the highest online repeat rate; null when there were no online contacts. */
  worstHalfMonth: {
    halfMonth: string;
    from: LocalDate;
    to: LocalDate;
    total: number;
    repeat: number;
    rate: number;
  } | null;
  topSubjects: { subjects: SubjectCount[]; contacts: number; total: number; share: number | null };
  topics: TopicCluster[];
  text: string;
}

export interface WorkReport {
  period: DateRange;
  previous: DateRange;
  asOf: string;
  sections: { one: OverviewReport; two: SectionTwo; three: SectionThree };
  /** Sections 一 to 三 as drafted text; 四 (next steps) is the bureau's to write. */
  text: string;
}

export interface WorkReportOptions {
  /** How many subjects the top-subject share is about (the seed: 8 problem housing projects). */
  readonly topSubjects: number;
  /** How many subjects the text names. */
  readonly namedSubjects: number;
}

export const DEFAULT_WORK_REPORT_OPTIONS: WorkReportOptions = { topSubjects: 8, namedSubjects: 5 };

function sum<T>(rows: readonly T[], of: (r: T) => number): number {
  return rows.reduce((s, r) => s + of(r), 0);
}

/** Subjects by contacts, most first, ties by name; untagged contacts are never named. */
export function subjectCounts(rows: readonly ContactDetail[], of: (r: ContactDetail) => number, total: number) {
  const counts = new Map<string, number>();
  for (const r of rows) if (r.subject !== null) counts.set(r.subject, (counts.get(r.subject) ?? 0) + of(r));
  return [...counts.entries()]
    .filter(([, n]) => n > 0)
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
    .map(([subject, contacts]) => ({ subject, contacts, share: rate(contacts, total) }));
}

function targetFor(targets: CampaignTargetFigures['targets'], to: LocalDate) {
  if (targets.length === 0) return null;
  const passed = targets.filter((t) => t.by <= to);
  const t = passed.length ? passed[passed.length - 1] : targets[0];
  return { by: t.by, rate: t.rate };
}

export function sectionTwo(one: OverviewReport, f: WorkFigures): Omit<SectionTwo, 'text'> {
  const meetingCount = (kind: MeetingKind) =>
    sum(
      f.meetings.filter((m) => m.kind === kind),
      (m) => m.count,
    );
  const resolved = f.judgedCases.filter((s) => s === 'resolved').length;
  const underControl = f.judgedCases.filter((s) => s === 'under_control').length;
  const byLevel = Object.fromEntries(
    UPPER_LEVELS.map((l) => [
      l,
      sum(
        f.upperAssignments.received.filter((r) => r.level === l),
        (r) => r.count,
      ),
    ]),
  ) as Record<UpperLevel, number>;
  const targets = new Map(f.campaignTargets.map((c) => [c.id, c.targets]));
  return {
    instructions: {
      total: sum(f.instructions, (i) => i.count),
      byLeader: [...f.instructions]
        .sort((a, b) => b.count - a.count || (a.leader < b.leader ? -1 : 1))
        .map((i) => ({ leader: i.leader, count: i.count })),
    },
    meetings: {
      ...(Object.fromEntries(MEETING_KINDS.map((k) => [k, meetingCount(k)])) as Record<MeetingKind, number>),
      judgedCases: f.judgedCases.length,
      resolved,
      underControl,
      resolvedOrUnderControlRate: rate(resolved + underControl, f.judgedCases.length),
    },
    receptions: one.receptions,
    upperAssignments: {
      received: sum(UPPER_LEVELS, (l) => byLevel[l]),
      byLevel,
      due: f.upperAssignments.due,
      onTime: f.upperAssignments.onTime,
      onTimeRate: rate(f.upperAssignments.onTime, f.upperAssignments.due),
    },
    online: { total: one.online.total, onTimeRate: one.online.onTimeRate },
    sms: one.sms,
    reviews: {
      completed: f.reviews.review + f.reviews.reReview,
      review: f.reviews.review,
      reReview: f.reviews.reReview,
    },
    screenings: one.screenings,
    riskAssessments: {
      ...one.riskAssessments,
      rate: rate(one.riskAssessments.passed, one.riskAssessments.total),
    },
    campaigns: one.campaigns.map((c) => {
      const target = targetFor(targets.get(c.id) ?? [], one.period.to);
      return { ...c, target, targetMet: target && c.rate !== null ? c.rate >= target.rate : null };
    }),
    accountability: one.accountability,
  };
}

function within(r: ContactDetail, window: DateRange): boolean {
  return r.occurredOn >= window.from && r.occurredOn <= window.to;
}

export function sectionThree(
  period: DateRange,
  f: WorkFigures,
  topics: readonly TopicWindow[],
  options: WorkReportOptions,
): Omit<SectionThree, 'text'> {
  const online = f.contacts.filter((c) => c.channel === 'online' && within(c, period));
  const total = sum(online, (c) => c.batches);
  const repeat = sum(
    online.filter((c) => c.repeat),
    (c) => c.batches,
  );

  const halves = new Map<string, { from: LocalDate; to: LocalDate; total: number; repeat: number }>();
  for (const c of online) {
    const half = halfMonthOf(c.occurredOn);
    const id = formatPeriod(half);
    const h = halves.get(id) ?? { from: half.from, to: half.to, total: 0, repeat: 0 };
    h.total += c.batches;
    if (c.repeat) h.repeat += c.batches;
    halves.set(id, h);
  }
  let worst: SectionThree['worstHalfMonth'] = null;
  for (const [halfMonth, h] of [...halves.entries()].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    const r = rate(h.repeat, h.total)!;
    // Highest rate; on a tie the earlier half-month (it was the first to reach it).
    if (!worst || r > worst.rate) worst = { halfMonth, ...h, rate: r };
  }

  const bySubject = subjectCounts(online, (c) => c.batches, total);
  const top = bySubject.slice(0, options.topSubjects);
  const topContacts = sum(top, (s) => s.contacts);

  const cityVisits = f.contacts.filter((c) => c.channel === 'visit' && c.level === 'city');
  const clusters: TopicCluster[] = topics.map(({ topic, window }) => {
    const inWindow = cityVisits.filter((c) => within(c, window));
    const ofTopic = inWindow.filter((c) => topic.categories.includes(c.category));
    const form = (collective: boolean) => {
      const all = inWindow.filter((c) => c.collective === collective);
      const mine = ofTopic.filter((c) => c.collective === collective);
      const batches = sum(mine, (c) => c.batches);
      return {
        batches,
        persons: sum(mine, (c) => c.persons),
        share: rate(
          batches,
          sum(all, (c) => c.batches),
        ),
      };
    };
    const topicBatches = sum(ofTopic, (c) => c.batches);
    return {
      id: topic.id,
      name: topic.name,
      categories: [...topic.categories],
      window,
      collective: form(true),
      individual: form(false),
      subjects: subjectCounts(ofTopic, (c) => c.batches, topicBatches),
    };
  });

  return {
    onlineRepeat: {
      total,
      repeat,
      rate: rate(repeat, total),
      subjects: subjectCounts(
        online.filter((c) => c.repeat),
        (c) => c.batches,
        repeat,
      ),
    },
    worstHalfMonth: worst,
    topSubjects: { subjects: top, contacts: topContacts, total, share: rate(topContacts, total) },
    topics: clusters,
  };
}

export interface WorkReportInput {
  readonly overview: OverviewReport;
  readonly figures: WorkFigures;
  readonly topics: readonly TopicWindow[];
  readonly options?: WorkReportOptions;
}

/** `GET /reports/work`: section 一 is the overview as it is; 二 and 三 are built and drafted here. */
export function buildWorkReport(input: WorkReportInput): WorkReport {
  const options = input.options ?? DEFAULT_WORK_REPORT_OPTIONS;
  const one = input.overview;
  const twoFigures = sectionTwo(one, input.figures);
  const two: SectionTwo = { ...twoFigures, text: sectionTwoText(one.period, twoFigures) };
  const threeFigures = sectionThree(one.period, input.figures, input.topics, options);
  const three: SectionThree = { ...threeFigures, text: sectionThreeText(one.period, threeFigures, options) };
  return {
    period: one.period,
    previous: one.previous,
    asOf: one.asOf,
    sections: { one, two, three },
    text: [one.text, two.text, three.text].join('\n'),
  };
}
