import { Category, change, Change, dateParts, DateRange, Source, SOURCES } from '@app/domain';
import type { BatchesPersons, CategoryShare, OverviewSection, SkipLevel } from './overview';

/** The categories as the work report names them. */
export const CATEGORY_LABELS: Record<Category, string> = {
  urban_rural_construction: '城乡建设类',
  labour_social_security: '劳动社保类',
  agriculture_rural: '农村农业类',
  discipline_inspection: '纪检监察类',
  land_resources: '国土资源类',
  civil_affairs: '民政类',
  appeals: '涉法涉诉类',
  health: '卫生健康类',
  education_sports: '教育体育类',
  public_security: '公安类',
  environment: '生态环境类',
  other: '其他类',
};

const SOURCE_LABELS: Record<Source, string> = {
  national_platform: '国家信访局',
  provincial_platform: '省信访局',
  prefecture_platform: '地市信访局',
  city_platform: '本市网上信访平台',
};

/** 赴京 / 到省 / 去周 in the report; the prefecture is named generically here. */
const PLACES: Record<SkipLevel, { heading: string; where: string }> = {
  national: { heading: '赴京上访', where: '赴京' },
  province: { heading: '到省上访', where: '到省' },
  prefecture: { heading: '到地市上访', where: '到地市' },
};

const NUMBERED = ['（一）', '（二）', '（三）', '（四）'];
const MAX_LISTED_CATEGORIES = 8;

/**
 * A percentage as the text writes it: two decimals, correctly rounded upstream
 * (69.70％, not the report's truncated 69.69％), whole numbers without them (100％).
 */
export function percent(value: number): string {
  const abs = Math.abs(value);
  return `${Number.isInteger(abs) ? abs.toString() : abs.toFixed(2)}％`;
}

/** The subject of "today since…" sentences: 今年以来 for a year to date, else the dates. */
export function opener(period: DateRange): string {
  const from = dateParts(period.from);
  const to = dateParts(period.to);
  if (from.month === 1 && from.day === 1 && from.year === to.year) {
    return to.month === 12 && to.day === 31 ? `${from.year}年` : '今年以来';
  }
  const toYear = to.year === from.year ? '' : `${to.year}年`;
  return `${from.year}年${from.month}月${from.day}日至${toYear}${to.month}月${to.day}日`;
}

/** "2021年同期" when the previous period lies in one year, else 去年同期. */
function previousLabel(previous: DateRange): string {
  const from = dateParts(previous.from).year;
  return from === dateParts(previous.to).year ? `${from}年同期` : '去年同期';
}

const bp = (x: BatchesPersons) => `${x.batches}批${x.persons}人次`;

/** 下降了X％ / 上升了X％ / 持平: a change whose previous figure was not 0. */
function moved(c: Change, le = '了'): string {
  if (c.trend === 'flat' || c.pct === null || c.pct === 0) return '持平';
  return `${c.pct < 0 ? '下降' : '上升'}${le}${percent(c.pct)}`;
}

/** One form (集访/个访) at one level, against the same dates a year earlier. */
function formPhrase(where: string, form: string, now: BatchesPersons, before: BatchesPersons, prev: string): string {
  if (now.batches === 0 && before.batches === 0) return `未发生${where}${form}`;
  if (before.batches === 0) return `发生${where}${form}${bp(now)}，${prev}未发生，为新增`;
  const c = change(now.batches, before.batches);
  const happened = now.batches === 0 ? `发生${where}${form}0批次` : `发生${where}${form}${bp(now)}`;
  return `${happened}，与${prev}${bp(before)}相比${moved(c, '')}`;
}

/** 城乡建设类43.33％；…, equal shares grouped as the report does (申诉类、卫生类各占2.91％). */
function categoryList(categories: readonly CategoryShare[]): string {
  const listed = categories.slice(0, MAX_LISTED_CATEGORIES);
  const groups: { labels: string[]; share: number | null }[] = [];
  for (const c of listed) {
    const last = groups[groups.length - 1];
    if (last && last.share === c.share) last.labels.push(CATEGORY_LABELS[c.category]);
    else groups.push({ labels: [CATEGORY_LABELS[c.category]], share: c.share });
  }
  const text = groups
    .map((g) => {
      const share = g.share === null ? '' : percent(g.share);
      return g.labels.length > 1 ? `${g.labels.join('、')}各占${share}` : `${g.labels[0]}${share}`;
    })
    .join('；');
  return categories.length > listed.length ? `${text}等` : text;
}

const isEmpty = (x: BatchesPersons) => x.batches === 0;

interface TextInput {
  readonly period: DateRange;
  readonly previous: DateRange;
  readonly now: OverviewSection;
  readonly before: OverviewSection;
}

function headline(input: TextInput, start: string): string | null {
  const { now, before } = input;
  const clauses: string[] = [];
  const trends: Change[] = [];
  const skip = change(now.skipLevel.total.batches, before.skipLevel.total.batches);
  if (skip.trend === 'new') {
    clauses.push(`我市群众越级人访${bp(now.skipLevel.total)}，去年同期未发生，为新增`);
  } else if (now.skipLevel.total.batches > 0 || before.skipLevel.total.batches > 0) {
    clauses.push(`我市群众越级人访总量与去年同期相比${moved(skip)}`);
  }
  if (skip.trend !== 'flat' || now.skipLevel.total.batches > 0) trends.push(skip);
  const online = change(now.online.total, before.online.total);
  if (online.trend === 'new') {
    clauses.push(`群众网上信访${now.online.total}件，去年同期未发生，为新增`);
  } else if (now.online.total > 0 || before.online.total > 0) {
    clauses.push(online.trend === 'flat' ? '群众网上信访总量与去年同期持平' : `群众网上信访总量${moved(online, '')}`);
  }
  if (online.trend !== 'flat' || now.online.total > 0) trends.push(online);
  if (clauses.length === 0) return null;
  const better = trends.length > 0 && trends.every((t) => t.trend === 'down');
  return `${start}，${clauses.join('，')}${better ? '，信访形势逐渐向好' : ''}。`;
}

function skipLevelPart(input: TextInput, start: string, prev: string): string | null {
  const { now, before } = input;
  if (isEmpty(now.skipLevel.total) && isEmpty(before.skipLevel.total)) return null;
  const levels = (['national', 'province', 'prefecture'] as const).map((level, i) => {
    const { heading, where } = PLACES[level];
    const n = now.skipLevel[level];
    const b = before.skipLevel[level];
    const body = [n.collective, n.individual, b.collective, b.individual].every(isEmpty)
      ? `未发生${where}上访`
      : [
          formPhrase(where, '集访', n.collective, b.collective, prev),
          formPhrase(where, '个访', n.individual, b.individual, prev),
        ].join('；');
    return `${i + 1}、${heading}。${body}。`;
  });
  const top = now.skipLevel.categories.slice(0, 3);
  const categories = top.length
    ? `群众越级上访反映问题比较突出${top.length === 3 ? '前三类别' : '的类别'}是：${top
        .map((c, i) => `${i + 1}、${CATEGORY_LABELS[c.category]}${c.share === null ? '' : percent(c.share)}`)
        .join('；')}。`
    : '';
  return `群众越级信访情况。${isEmpty(now.skipLevel.total) ? `${start}，未发生群众越级上访。` : ''}${levels.join('')}${categories}`;
}

function onlinePart(input: TextInput, start: string): string | null {
  const { now, before } = input;
  if (now.online.total === 0 && before.online.total === 0) return null;
  if (now.online.total === 0) return `群众网上投诉情况。${start}，未发生群众网上信访。`;
  const sources = SOURCES.filter((s) => now.online.bySource[s] > 0).map(
    (s) => `${SOURCE_LABELS[s]}投诉${now.online.bySource[s]}件`,
  );
  const parts = [`${start}，信访局办理群众网上信访${now.online.total}件`];
  if (sources.length) parts.push(`其中${sources.join('，')}`);
  if (now.online.onTimeRate !== null) parts.push(`信访事项按期办结率${percent(now.online.onTimeRate)}`);
  const repeat =
    now.online.repeat > 0 && now.online.repeatRate !== null
      ? `群众网上重复投诉${now.online.repeat}件，重复占比率${percent(now.online.repeatRate)}。`
      : '';
  return `群众网上投诉情况。${parts.join('，')}。${repeat}`;
}

function cityPart(input: TextInput, start: string): string | null {
  const { now, before } = input;
  const { collective, individual, total } = now.cityVisits;
  if (isEmpty(total) && isEmpty(before.cityVisits.total)) return null;
  if (isEmpty(total)) return `群众来市信访情况。${start}，未发生群众来市上访。`;
  const forms = [
    ...(isEmpty(collective) ? [] : [`集访${bp(collective)}`]),
    ...(isEmpty(individual) ? [] : [`个访${bp(individual)}`]),
  ];
  const categories = (c: CategoryShare[]) => (c.length ? `，群众反映比较突出前几个类别是：${categoryList(c)}` : '');
  const collectivePart = isEmpty(collective)
    ? '未发生来市集访。'
    : `群众发生来市集访${bp(collective)}${categories(collective.categories)}。`;
  const individualPart = isEmpty(individual)
    ? '未发生来市个访。'
    : `发生来市个访${bp(individual)}${categories(individual.categories)}。`;
  return (
    `群众来市信访情况。${start}，我市群众发生来市上访${bp(total)}，其中${forms.join('，')}。` +
    `1、来市集访情况。${collectivePart}2、来市个访情况。${individualPart}`
  );
}

/**
 * Section 一 of the work report (信访总体情况), drafted from the figures in the
 * report's own words. Changes are correctly rounded; a change from 0 is "新增",
 * never "上升100％"; a part with nothing to report in either period is left out.
 */
export function overviewText(input: TextInput): string {
  const start = opener(input.period);
  const prev = previousLabel(input.previous);
  const parts = [skipLevelPart(input, start, prev), onlinePart(input, start), cityPart(input, start)].filter(
    (p): p is string => p !== null,
  );
  const lines = [
    '一、信访总体情况',
    headline(input, start) ?? `${start}，我市未发生群众越级上访、网上信访和来市上访。`,
  ];
  parts.forEach((p, i) => lines.push(`${NUMBERED[i]}${p}`));
  return lines.join('\n');
}
