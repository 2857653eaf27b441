import {
  CATEGORIES,
  Category,
  change,
  Change,
  Channel,
  DateRange,
  Level,
  rate,
  shares,
  Source,
  SOURCES,
} from '@app/domain';
import { overviewText } from './overview-text';

// ---- what the read models count (one period) ----

/** Contacts of one kind: the read model's GROUP BY over contacts that occurred in the period. */
export interface ContactCount {
  readonly channel: Channel;
  readonly level: Level;
  readonly source: Source | null;
  readonly collective: boolean;
  readonly repeat: boolean;
  /** The matter's category as known at the report's position (corrections included). */
  readonly category: Category;
  readonly batches: number;
  readonly persons: number;
}

export interface ReceptionFigures {
  readonly batches: number;
  readonly persons: number;
  readonly resolvedOnSiteBatches: number;
  readonly resolvedOnSitePersons: number;
}

export interface CampaignCount {
  readonly id: string;
  readonly name: string;
  readonly assigned: number;
  readonly resolved: number;
}

/** The raw figures of one period, as the read models give them; everything else is computed from these. */
export interface OverviewFigures {
  readonly contacts: readonly ContactCount[];
  /** Reply limits of online matters that fell due in the period and are decided: met on time, and all. */
  readonly onlineReplies: { readonly onTime: number; readonly due: number };
  readonly receptions: readonly (ReceptionFigures & { readonly leader: string })[];
  readonly campaigns: readonly CampaignCount[];
  readonly screenings: { readonly found: number; readonly resolved: number };
  readonly riskAssessments: { readonly total: number; readonly passed: number };
  readonly accountability: { readonly summons: number; readonly criticism: number };
}

// ---- the report (API.md `GET /reports/overview`) ----

export const SKIP_LEVELS = ['national', 'province', 'prefecture'] as const;
export type SkipLevel = (typeof SKIP_LEVELS)[number];

export interface BatchesPersons {
  batches: number;
  persons: number;
}

export interface CategoryShare {
  category: Category;
  batches: number;
  /** Percent of the group's batches; the shares of a list sum to exactly 100. */
  share: number | null;
}

export interface Forms {
  collective: BatchesPersons;
  individual: BatchesPersons;
}

export interface OverviewSection {
  skipLevel: Record<SkipLevel, Forms> & { total: BatchesPersons; categories: CategoryShare[] };
  online: {
    total: number;
    bySource: Record<Source, number>;
    onTimeRate: number | null;
    repeat: number;
    repeatRate: number | null;
  };
  cityVisits: {
    collective: BatchesPersons & { categories: CategoryShare[] };
    individual: BatchesPersons & { categories: CategoryShare[] };
    total: BatchesPersons;
  };
  sms: number;
  letters: number;
  receptions: ReceptionFigures & { byLeader: (ReceptionFigures & { leader: string })[] };
  campaigns: { id: string; name: string; assigned: number; resolved: number; rate: number | null }[];
  screenings: { found: number; resolved: number; rate: number | null };
  riskAssessments: { total: number; passed: number };
  accountability: { summons: number; criticism: number };
}

/** The fields of T that hold figures. */
type FigureKeys<T> = { [K in keyof T]: T[K] extends number | null ? K : never }[keyof T];

/**
 * The previous period's figures in the shape of the current ones, each object
 * carrying `change`: for every figure in it, the change from the previous
 * value to the current one (null where either is not a number, e.g. a rate
 * over an empty denominator).
 */
export type Compared<T> = T extends readonly (infer I)[]
  ? Compared<I>[]
  : T extends object
    ? { [K in keyof T]: T[K] extends number | null ? T[K] : Compared<T[K]> } & {
        change: { [K in FigureKeys<T>]: Change | null };
      }
    : T;

export interface OverviewReport extends OverviewSection {
  period: DateRange;
  /** The same dates one year earlier. */
  previous: DateRange;
  /** The ledger position the figures are known at. */
  asOf: string;
  comparison: Compared<OverviewSection>;
  /** Section 一 of the work report, drafted from the figures. */
  text: string;
}

// ---- figures → report ----

const nothing = (): BatchesPersons => ({ batches: 0, persons: 0 });

function total(rows: readonly ContactCount[]): BatchesPersons {
  return rows.reduce((sum, r) => ({ batches: sum.batches + r.batches, persons: sum.persons + r.persons }), nothing());
}

/** Batches per category, largest first (ties in code-list order), with shares summing to 100. */
export function categoryShares(rows: readonly ContactCount[]): CategoryShare[] {
  const batches = new Map<Category, number>();
  for (const r of rows) batches.set(r.category, (batches.get(r.category) ?? 0) + r.batches);
  const list = CATEGORIES.filter((c) => (batches.get(c) ?? 0) > 0)
    .map((category) => ({ category, batches: batches.get(category)! }))
    .sort((a, b) => b.batches - a.batches || CATEGORIES.indexOf(a.category) - CATEGORIES.indexOf(b.category));
  const pct = shares(list.map((c) => c.batches));
  return list.map((c, i) => ({ ...c, share: pct ? pct[i] : null }));
}

function forms(rows: readonly ContactCount[]): Forms {
  return { collective: total(rows.filter((r) => r.collective)), individual: total(rows.filter((r) => !r.collective)) };
}

/** One period's section from its raw figures: what counts as skip-level, online, a city visit. */
export function overviewSection(f: OverviewFigures): OverviewSection {
  const visits = f.contacts.filter((c) => c.channel === 'visit');
  // 越级访: a visit lodged above the city (at the prefecture, the province, or in Beijing).
  const skip = visits.filter((c) => c.level !== 'city');
  const city = visits.filter((c) => c.level === 'city');
  const online = f.contacts.filter((c) => c.channel === 'online');
  const onlineTotal = total(online).batches;
  const repeat = total(online.filter((c) => c.repeat)).batches;
  const cityCollective = city.filter((c) => c.collective);
  const cityIndividual = city.filter((c) => !c.collective);
  const receptionTotal = f.receptions.reduce<ReceptionFigures>(
    (sum, r) => ({
      batches: sum.batches + r.batches,
      persons: sum.persons + r.persons,
      resolvedOnSiteBatches: sum.resolvedOnSiteBatches + r.resolvedOnSiteBatches,
      resolvedOnSitePersons: sum.resolvedOnSitePersons + r.resolvedOnSitePersons,
    }),
    { batches: 0, persons: 0, resolvedOnSiteBatches: 0, resolvedOnSitePersons: 0 },
  );
  return {
    skipLevel: {
      national: forms(skip.filter((c) => c.level === 'national')),
      province: forms(skip.filter((c) => c.level === 'province')),
      prefecture: forms(skip.filter((c) => c.level === 'prefecture')),
      total: total(skip),
      categories: categoryShares(skip),
    },
    online: {
      total: onlineTotal,
      bySource: Object.fromEntries(
        SOURCES.map((s) => [s, total(online.filter((c) => c.source === s)).batches]),
      ) as Record<Source, number>,
      onTimeRate: rate(f.onlineReplies.onTime, f.onlineReplies.due),
      repeat,
      repeatRate: rate(repeat, onlineTotal),
    },
    cityVisits: {
      collective: { ...total(cityCollective), categories: categoryShares(cityCollective) },
      individual: { ...total(cityIndividual), categories: categoryShares(cityIndividual) },
      total: total(city),
    },
    sms: total(f.contacts.filter((c) => c.channel === 'sms')).batches,
    letters: total(f.contacts.filter((c) => c.channel === 'letter')).batches,
    receptions: {
      ...receptionTotal,
      byLeader: [...f.receptions]
        .sort((a, b) => b.batches - a.batches || (a.leader < b.leader ? -1 : a.leader > b.leader ? 1 : 0))
        .map((r) => ({
          leader: r.leader,
          batches: r.batches,
          persons: r.persons,
          resolvedOnSiteBatches: r.resolvedOnSiteBatches,
          resolvedOnSitePersons: r.resolvedOnSitePersons,
        })),
    },
    campaigns: f.campaigns.map((c) => ({ ...c, rate: rate(c.resolved, c.assigned) })),
    screenings: { ...f.screenings, rate: rate(f.screenings.resolved, f.screenings.found) },
    riskAssessments: { ...f.riskAssessments },
    accountability: { ...f.accountability },
  };
}

// ---- comparison ----

/** List items are matched between periods by these fields. */
const ITEM_KEYS = ['category', 'leader', 'id'] as const;
const RATE_FIELDS = new Set(['rate', 'onTimeRate', 'repeatRate']);

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const isFigure = (v: unknown): v is number | null => typeof v === 'number' || v === null;

function changeOf(now: unknown, before: unknown): Change | null {
  return typeof now === 'number' && typeof before === 'number' ? change(now, before) : null;
}

function itemKey(item: Json): string {
  const field = ITEM_KEYS.find((k) => typeof item[k] === 'string');
  return field ? `${field}:${item[field] as string}` : JSON.stringify(item);
}

/** An item present now but not before: its figures were zero then (a rate or a share of nothing is null). */
function absentItem(now: Json, beforeList: readonly unknown[]): Json {
  return Object.fromEntries(
    Object.entries(now).map(([k, v]) => {
      if (typeof v !== 'number' && v !== null) return [k, v];
      if (RATE_FIELDS.has(k)) return [k, null];
      if (k === 'share') return [k, beforeList.length > 0 ? 0 : null];
      return [k, 0];
    }),
  );
}

function compareList(before: readonly unknown[], now: readonly unknown[]): unknown[] {
  const previous = new Map(before.filter(isObject).map((item) => [itemKey(item), item]));
  const current = new Map(now.filter(isObject).map((item) => [itemKey(item), item]));
  const keys = [...current.keys(), ...[...previous.keys()].filter((k) => !current.has(k))];
  return keys.map((k) => {
    const n = current.get(k);
    const b = previous.get(k) ?? absentItem(n!, before);
    return compareValue(b, n ?? absentItem(b, now));
  });
}

function compareValue(before: unknown, now: unknown): unknown {
  if (Array.isArray(before) && Array.isArray(now)) return compareList(before, now);
  if (!isObject(before) || !isObject(now)) return before;
  const out: Json = {};
  const changes: Json = {};
  for (const key of Object.keys(before)) {
    const b = before[key];
    if (isFigure(b)) {
      out[key] = b;
      changes[key] = changeOf(now[key], b);
    } else {
      out[key] = compareValue(b, now[key]);
    }
  }
  return Object.keys(changes).length ? { ...out, change: changes } : out;
}

/** The previous section in the current one's shape, with a change under every figure. */
export function compareSections(before: OverviewSection, now: OverviewSection): Compared<OverviewSection> {
  return compareValue(before, now) as Compared<OverviewSection>;
}

export interface OverviewInput {
  readonly period: DateRange;
  readonly previous: DateRange;
  readonly asOf: string;
  readonly now: OverviewFigures;
  readonly before: OverviewFigures;
}

/** API.md's overview from the raw figures of a period and of the same dates one year earlier. */
export function buildOverview(input: OverviewInput): OverviewReport {
  const now = overviewSection(input.now);
  const before = overviewSection(input.before);
  const period = { from: input.period.from, to: input.period.to };
  const previous = { from: input.previous.from, to: input.previous.to };
  return {
    period,
    previous,
    asOf: input.asOf,
    ...now,
    comparison: compareSections(before, now),
    text: overviewText({ period, previous, now, before }),
  };
}
