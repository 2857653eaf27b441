import ExcelJS from 'exceljs';
import type { BulletinRow, UnitKind } from '@app/domain';
import type { BulletinDocument } from '@app/projections';

export const CSV_TYPE = 'text/csv';
export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const HTML_TYPE = 'text/html';

type Cell = string | number | null;

interface Column {
  readonly title: string;
  /** Rates and changes are shown with 2 decimals. */
  readonly decimals?: boolean;
  value(row: BulletinRow): Cell;
}

const KIND_ZH: Record<UnitKind, string> = { town: '镇办', department: '市直部门', village: '村(社区)', other: '其他' };

/**
 * The bulletin as one table, the same in CSV, XLSX and HTML: every rate beside
 * its numerator and denominator, the changes against the previous half-month
 * at the end (counts in percent, rates in percentage points). An empty cell is
 * "n/a" (a rate over nothing, a change from nothing), never 0.
 */
export const BULLETIN_COLUMNS: readonly Column[] = [
  { title: '单位代码', value: (r) => r.unit },
  { title: '单位名称', value: (r) => r.name },
  { title: '单位类别', value: (r) => (r.kind ? KIND_ZH[r.kind] : '') },
  { title: '信访批次', value: (r) => r.contacts },
  { title: '信访人次', value: (r) => r.persons },
  { title: '越级访批次', value: (r) => r.skipLevel },
  { title: '重复信访批次', value: (r) => r.repeat.numerator },
  { title: '重复信访率(%)', decimals: true, value: (r) => r.repeatRate },
  { title: '应受理件数', value: (r) => r.timelyAcceptance.denominator },
  { title: '及时受理件数', value: (r) => r.timelyAcceptance.numerator },
  { title: '及时受理率(%)', decimals: true, value: (r) => r.timelyAcceptanceRate },
  { title: '应办结件数', value: (r) => r.onTime.denominator },
  { title: '按期办结件数', value: (r) => r.onTime.numerator },
  { title: '按期办结率(%)', decimals: true, value: (r) => r.onTimeRate },
  { title: '超期件数', value: (r) => r.overdue },
  { title: '应化解件数', value: (r) => r.resolution.denominator },
  { title: '化解件数', value: (r) => r.resolution.numerator },
  { title: '化解率(%)', decimals: true, value: (r) => r.resolutionRate },
  { title: '参评件数', value: (r) => r.satisfaction.denominator },
  { title: '满意件数(含基本满意)', value: (r) => r.satisfaction.numerator },
  { title: '群众满意率(%)', decimals: true, value: (r) => r.satisfactionRate },
  { title: '信访批次环比(%)', decimals: true, value: (r) => r.change.contacts.pct },
  { title: '信访人次环比(%)', decimals: true, value: (r) => r.change.persons.pct },
  { title: '越级访环比(%)', decimals: true, value: (r) => r.change.skipLevel.pct },
  { title: '超期件数环比(%)', decimals: true, value: (r) => r.change.overdue.pct },
  { title: '重复信访率增减(百分点)', decimals: true, value: (r) => r.change.repeatRate.points },
  { title: '及时受理率增减(百分点)', decimals: true, value: (r) => r.change.timelyAcceptanceRate.points },
  { title: '按期办结率增减(百分点)', decimals: true, value: (r) => r.change.onTimeRate.points },
  { title: '化解率增减(百分点)', decimals: true, value: (r) => r.change.resolutionRate.points },
  { title: '群众满意率增减(百分点)', decimals: true, value: (r) => r.change.satisfactionRate.points },
];

/** The table's lines: one per unit, then the city total. */
export function bulletinTable(doc: BulletinDocument): { titles: string[]; rows: Cell[][] } {
  return {
    titles: BULLETIN_COLUMNS.map((c) => c.title),
    rows: [...doc.rows, doc.total].map((row) => BULLETIN_COLUMNS.map((c) => c.value(row))),
  };
}

/** 2022-04-H1 → 2022年4月上半月. */
export function halfMonthLabel(period: string): string {
  const match = /^(\d{4})-(\d{2})-H([12])$/.exec(period);
  return match ? `${match[1]}年${Number(match[2])}月${match[3] === '1' ? '上' : '下'}半月` : period;
}

function csvField(value: Cell): string {
  if (value === null) return '';
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** RFC 4180 with CRLF, UTF-8 with a byte-order mark so that spreadsheet programs read the Chinese titles. */
export function bulletinCsv(doc: BulletinDocument): Buffer {
  const { titles, rows } = bulletinTable(doc);
  const lines = [titles, ...rows].map((line) => line.map(csvField).join(','));
  return Buffer.from('\ufeff' + lines.join('\r\n') + '\r\n', 'utf8');
}

/** One sheet with the table, another with what it is (period, position, definitions). */
export async function bulletinXlsx(doc: BulletinDocument): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'petition-ledger';
  // Fixed dates: the file describes the period, not the moment it was downloaded.
  const stamp = new Date(`${doc.evaluatedOn}T00:00:00Z`);
  workbook.created = stamp;
  workbook.modified = stamp;
  const sheet = workbook.addWorksheet('半月通报');
  const { titles, rows } = bulletinTable(doc);
  sheet.addRow(titles).font = { bold: true };
  for (const row of rows) sheet.addRow(row.map((v) => (v === null ? null : v)));
  BULLETIN_COLUMNS.forEach((c, i) => {
    const column = sheet.getColumn(i + 1);
    column.width = Math.max(10, c.title.length * 2 + 2);
    if (c.decimals) column.numFmt = '0.00';
  });
  sheet.views = [{ state: 'frozen', xSplit: 2, ySplit: 1 }];
  const about = workbook.addWorksheet('说明');
  about.addRows([
    ['通报期间', halfMonthLabel(doc.period)],
    ['期间代码', doc.period],
    ['起止日期', `${doc.from} 至 ${doc.to}`],
    ['评判日', doc.evaluatedOn],
    ['账本位置 (asOf)', doc.asOf],
    ['环比期间', `${doc.previous.period} (${doc.previous.from} 至 ${doc.previous.to})`],
    ['说明', '率为百分数，四舍五入保留两位小数；分母为0时留空（不适用），不以0或100代替。环比基数为0时留空（新增）。'],
  ]);
  about.getColumn(1).width = 18;
  about.getColumn(2).width = 80;
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

const escapeHtml = (text: string): string =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

function htmlCell(value: Cell, decimals: boolean | undefined): string {
  if (value === null) return '<td class="na">—</td>';
  if (typeof value === 'number') return `<td class="num">${decimals ? value.toFixed(2) : String(value)}</td>`;
  return `<td>${escapeHtml(value)}</td>`;
}

/** A page to print (A4 landscape): the table, the city total, and how to read it. */
export function bulletinHtml(doc: BulletinDocument, notice: string | null = null): string {
  const { titles, rows } = bulletinTable(doc);
  const head = titles.map((t) => `<th>${escapeHtml(t)}</th>`).join('');
  const body = rows
    .map(
      (row, i) =>
        `<tr${i === rows.length - 1 ? ' class="total"' : ''}>${row.map((v, j) => htmlCell(v, BULLETIN_COLUMNS[j].decimals)).join('')}</tr>`,
    )
    .join('\n');
  const title = `信访工作半月通报（${halfMonthLabel(doc.period)}）`;
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<title>${escapeHtml(title)}</title>
<style>
  @page { size: A4 landscape; margin: 12mm; }
  body { font-family: "SimSun", "Songti SC", serif; font-size: 10pt; color: #000; }
  h1 { font-size: 16pt; text-align: center; margin: 0 0 4mm; }
  p.meta { text-align: center; margin: 0 0 4mm; }
  table { border-collapse: collapse; width: 100%; }
  th, td { border: 1px solid #000; padding: 1mm 1.5mm; }
  th { font-weight: bold; background: #eee; }
  td.num, td.na { text-align: right; }
  tr.total td { font-weight: bold; }
  p.notice { border: 1px solid #000; padding: 2mm; font-weight: bold; }
  ol.notes { font-size: 8.5pt; }
  @media print { th { background: none; } }
</style>
</head>
<body>
<h1>${escapeHtml(title)}</h1>
<p class="meta">${escapeHtml(doc.from)} 至 ${escapeHtml(doc.to)}&emsp;评判日 ${escapeHtml(doc.evaluatedOn)}&emsp;账本位置 ${escapeHtml(doc.asOf)}</p>
${notice ? `<p class="notice">${escapeHtml(notice)}</p>\n` : ''}<table>
<thead><tr>${head}</tr></thead>
<tbody>
${body}
</tbody>
</table>
<ol class="notes">
  <li>率为百分数，四舍五入保留两位小数；“—”表示分母为0（不适用）或基数为0（新增），不以0或100代替。</li>
  <li>信访批次、人次、越级访、重复信访按事项的属地（责任）单位统计；及时受理、按期办结、化解按承办单位统计；单位在5个工作日内以不属本单位职责退回的事项不计入该单位。</li>
  <li>环比期间：${escapeHtml(halfMonthLabel(doc.previous.period))}（${escapeHtml(doc.previous.from)} 至 ${escapeHtml(doc.previous.to)}）。计数为环比百分比，率为增减百分点。</li>
</ol>
</body>
</html>
`;
}
