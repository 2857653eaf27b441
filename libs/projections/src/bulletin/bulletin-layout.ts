import type { BulletinRow, UnitKind } from '@app/domain';
import type { BulletinDocument } from '../rhythm/rhythm-reports';

/**
 * The half-month bulletin laid out like an official 通报: a title block, a
 * drafted paragraph, the main table a reader needs, and the full indicator
 * table as an appendix. Pure: the CSV, XLSX and HTML builders all read this.
 */

export type Cell = string | number | null;

/** How a column's numbers are shown: a count, a rate in percent, a change in percent or in points. */
export type CellFormat = 'text' | 'count' | 'percent' | 'changePercent' | 'points';

export interface Column {
  readonly title: string;
  readonly format: CellFormat;
  value(row: BulletinRow): Cell;
}

export const DEFAULT_ISSUING_OFFICE = '市信访工作领导小组办公室';

export interface BulletinPrintOptions {
  /** 发文机关 in the title block (LEDGER_ISSUING_OFFICE). */
  readonly issuingOffice?: string;
  /** A line above the table, e.g. that the figures were restated after publication. */
  readonly notice?: string | null;
}

const KIND_ZH: Record<UnitKind, string> = { town: '镇办', department: '市直部门', village: '村(社区)', other: '其他' };

/** The main table: the columns a reader of the bulletin needs, nothing more. */
export const MAIN_COLUMNS: readonly Column[] = [
  { title: '单位', format: 'text', value: (r) => r.name },
  { title: '信访批次', format: 'count', value: (r) => r.contacts },
  { title: '信访人次', format: 'count', value: (r) => r.persons },
  { title: '越级访批次', format: 'count', value: (r) => r.skipLevel },
  { title: '重复信访率', format: 'percent', value: (r) => r.repeatRate },
  { title: '按期办结率', format: 'percent', value: (r) => r.onTimeRate },
  { title: '超期件数', format: 'count', value: (r) => r.overdue },
  { title: '批次环比', format: 'changePercent', value: (r) => r.change.contacts.pct },
];

/**
 * The appendix: every indicator beside its numerator and denominator, the
 * changes against the previous half-month at the end (counts in percent,
 * rates in percentage points). An empty cell is "n/a", never 0.
 */
export const APPENDIX_COLUMNS: readonly Column[] = [
  { title: '单位代码', format: 'text', value: (r) => r.unit },
  { title: '单位名称', format: 'text', value: (r) => r.name },
  { title: '单位类别', format: 'text', value: (r) => (r.kind ? KIND_ZH[r.kind] : '') },
  { title: '信访批次', format: 'count', value: (r) => r.contacts },
  { title: '信访人次', format: 'count', value: (r) => r.persons },
  { title: '越级访批次', format: 'count', value: (r) => r.skipLevel },
  { title: '重复信访批次', format: 'count', value: (r) => r.repeat.numerator },
  { title: '重复信访率(%)', format: 'percent', value: (r) => r.repeatRate },
  { title: '应受理件数', format: 'count', value: (r) => r.timelyAcceptance.denominator },
  { title: '及时受理件数', format: 'count', value: (r) => r.timelyAcceptance.numerator },
  { title: '及时受理率(%)', format: 'percent', value: (r) => r.timelyAcceptanceRate },
  { title: '应办结件数', format: 'count', value: (r) => r.onTime.denominator },
  { title: '按期办结件数', format: 'count', value: (r) => r.onTime.numerator },
  { title: '按期办结率(%)', format: 'percent', value: (r) => r.onTimeRate },
  { title: '超期件数', format: 'count', value: (r) => r.overdue },
  { title: '应化解件数', format: 'count', value: (r) => r.resolution.denominator },
  { title: '化解件数', format: 'count', value: (r) => r.resolution.numerator },
  { title: '化解率(%)', format: 'percent', value: (r) => r.resolutionRate },
  { title: '参评件数', format: 'count', value: (r) => r.satisfaction.denominator },
  { title: '满意件数(含基本满意)', format: 'count', value: (r) => r.satisfaction.numerator },
  { title: '群众满意率(%)', format: 'percent', value: (r) => r.satisfactionRate },
  { title: '信访批次环比(%)', format: 'changePercent', value: (r) => r.change.contacts.pct },
  { title: '信访人次环比(%)', format: 'changePercent', value: (r) => r.change.persons.pct },
  { title: '越级访环比(%)', format: 'changePercent', value: (r) => r.change.skipLevel.pct },
  { title: '超期件数环比(%)', format: 'changePercent', value: (r) => r.change.overdue.pct },
  { title: '重复信访率增减(百分点)', format: 'points', value: (r) => r.change.repeatRate.points },
  { title: '及时受理率增减(百分点)', format: 'points', value: (r) => r.change.timelyAcceptanceRate.points },
  { title: '按期办结率增减(百分点)', format: 'points', value: (r) => r.change.onTimeRate.points },
  { title: '化解率增减(百分点)', format: 'points', value: (r) => r.change.resolutionRate.points },
  { title: '群众满意率增减(百分点)', format: 'points', value: (r) => r.change.satisfactionRate.points },
];

/**
 * The appendix as printed, in two parts so that every column stays legible on
 * a landscape page: the figures, then the changes (the CSV keeps one table).
 */
export const APPENDIX_PARTS: readonly { readonly title: string; readonly columns: readonly Column[] }[] = [
  { title: '附表1 指标明细', columns: APPENDIX_COLUMNS.slice(1, 21) },
  { title: '附表2 环比增减', columns: [APPENDIX_COLUMNS[1], ...APPENDIX_COLUMNS.slice(21)] },
];

/** 2022-04-H1 → 2022年4月上半月. */
export function halfMonthLabel(period: string): string {
  const match = /^(\d{4})-(\d{2})-H([12])$/.exec(period);
  return match ? `${match[1]}年${Number(match[2])}月${match[3] === '1' ? '上' : '下'}半月` : period;
}

/** The issue number within the year: two bulletins a month, 2022-04-H1 is 第7期. */
export function issueNumber(period: string): number | null {
  const match = /^\d{4}-(\d{2})-H([12])$/.exec(period);
  return match ? (Number(match[1]) - 1) * 2 + Number(match[2]) : null;
}

/** 2022-04-15 → 2022年4月15日. */
export function chineseDate(date: string): string {
  const [y, m, d] = date.split('-');
  return `${y}年${Number(m)}月${Number(d)}日`;
}

/** A rate or change as printed: 61.27%, +12.50%, −3.00 个百分点; "—" for n/a. */
export function printed(value: Cell, format: CellFormat): string {
  if (value === null) return '—';
  if (typeof value === 'string') return value;
  switch (format) {
    case 'count':
    case 'text':
      return String(value);
    case 'percent':
      return `${value.toFixed(2)}%`;
    case 'changePercent':
      return `${value > 0 ? '+' : ''}${value.toFixed(2)}%`;
    case 'points':
      return `${value > 0 ? '+' : ''}${value.toFixed(2)}`;
  }
}

/** A block of rows under a heading (镇办, 市直部门, …), as the bulletin groups them. */
export interface Section {
  readonly heading: string;
  readonly rows: readonly BulletinRow[];
}

export function sections(doc: BulletinDocument): Section[] {
  const out: Section[] = [];
  for (const row of doc.rows) {
    const heading = row.kind ? KIND_ZH[row.kind] : '其他';
    const last = out[out.length - 1];
    if (last && last.heading === heading) (last.rows as BulletinRow[]).push(row);
    else out.push({ heading, rows: [row] });
  }
  return out;
}

function changeWords(pct: number | null, before: number): string {
  if (pct === null) return before === 0 ? '上期为0' : '';
  if (pct === 0) return '与上期持平';
  return `环比${pct > 0 ? '上升' : '下降'}${Math.abs(pct).toFixed(2)}%`;
}

/** The paragraph names a unit for its repeat rate only from this many contacts in the half-month. */
export const NAMED_MIN_CONTACTS = 5;

const topBy = (rows: readonly BulletinRow[], value: (r: BulletinRow) => number | null, n: number) =>
  rows
    .filter((r) => (value(r) ?? 0) > 0)
    .slice()
    .sort((a, b) => value(b)! - value(a)! || (a.unit < b.unit ? -1 : a.unit > b.unit ? 1 : 0))
    .slice(0, n);

/**
 * The drafted paragraph (正文): the city's totals and their changes, the units
 * with the highest repeat rate and the most overdue matters. Facts only, from
 * the same figures as the tables; the analyst edits the wording if needed.
 */
export function draftParagraph(doc: BulletinDocument): string {
  const t = doc.total;
  const parts: string[] = [];
  const contacts = changeWords(t.change.contacts.pct, t.change.contacts.before);
  const persons = changeWords(t.change.persons.pct, t.change.persons.before);
  parts.push(
    `${halfMonthLabel(doc.period)}（${chineseDate(doc.from)}至${chineseDate(doc.to)}），全市共登记信访${t.contacts}批${t.persons}人次` +
      `${contacts || persons ? `，批次${contacts}、人次${persons}` : ''}`,
  );
  const skip = changeWords(t.change.skipLevel.pct, t.change.skipLevel.before);
  parts.push(`越级访${t.skipLevel}批${skip ? `，${skip}` : ''}`);
  parts.push(
    `重复信访率${t.repeatRate === null ? '不适用' : `${t.repeatRate.toFixed(2)}%`}，按期办结率${t.onTimeRate === null ? '不适用' : `${t.onTimeRate.toFixed(2)}%`}，超期未办结${t.overdue}件`,
  );
  let text = parts.join('；') + '。';
  // A rate over one or two contacts says little (docs/ranking-rule.md): only units with enough contacts are named.
  const repeat = topBy(
    doc.rows.filter((r) => r.repeat.denominator >= NAMED_MIN_CONTACTS),
    (r) => r.repeatRate,
    3,
  );
  if (repeat.length > 0)
    text += `信访${NAMED_MIN_CONTACTS}批以上的单位中，重复信访率较高的是${repeat.map((r) => `${r.name}（${r.repeatRate!.toFixed(2)}%，${r.repeat.numerator}/${r.repeat.denominator}）`).join('、')}。`;
  const overdue = topBy(doc.rows, (r) => r.overdue, 3);
  if (overdue.length > 0)
    text += `超期件数较多的单位是${overdue.map((r) => `${r.name}（${r.overdue}件）`).join('、')}。`;
  else text += '本期无超期件。';
  return text + '请各单位对照通报，逐件核查、限期整改。';
}

/** The title block: 信访工作通报, the issuing office, 第N期, the date. */
export interface TitleBlock {
  readonly title: string;
  readonly office: string;
  readonly issue: string;
  readonly date: string;
  readonly period: string;
}

export function titleBlock(doc: BulletinDocument, options: BulletinPrintOptions = {}): TitleBlock {
  const n = issueNumber(doc.period);
  return {
    title: '信访工作通报',
    office: options.issuingOffice?.trim() || DEFAULT_ISSUING_OFFICE,
    issue: n === null ? doc.period : `${doc.period.slice(0, 4)}年第${n}期`,
    date: chineseDate(doc.evaluatedOn),
    period: halfMonthLabel(doc.period),
  };
}

export const NOTES: readonly string[] = [
  '率为百分数，四舍五入保留两位小数；“—”表示分母为0（不适用）或基数为0（新增），不以0或100代替。',
  '信访批次、人次、越级访、重复信访按事项的属地（责任）单位统计；及时受理、按期办结、化解按承办单位统计；单位在5个工作日内以不属本单位职责退回的事项不计入该单位。',
];

export function comparisonNote(doc: BulletinDocument): string {
  return `环比期间：${halfMonthLabel(doc.previous.period)}（${doc.previous.from} 至 ${doc.previous.to}）。计数为环比百分比，率为增减百分点。`;
}
