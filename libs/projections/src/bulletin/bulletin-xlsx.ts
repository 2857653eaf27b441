// Types only at load: exceljs takes a good part of a second to load, and only a download needs it.
import type ExcelJS from 'exceljs';
import type { BulletinRow } from '@app/domain';
import type { BulletinDocument } from '../rhythm/rhythm-reports';
import {
  APPENDIX_PARTS,
  BulletinPrintOptions,
  CellFormat,
  Column,
  comparisonNote,
  draftParagraph,
  MAIN_COLUMNS,
  NOTES,
  printed,
  sections,
  titleBlock,
} from './bulletin-layout';

/** Excel's number formats: rates as percent with 2 decimals, changes signed; an empty cell is n/a. */
const NUMBER_FORMATS: Record<CellFormat, string | undefined> = {
  text: undefined,
  count: '0',
  percent: '0.00%',
  changePercent: '+0.00%;-0.00%;0.00%',
  points: '+0.00;-0.00;0.00',
};

const FONT = 'SimSun';
const THIN: Partial<ExcelJS.Border> = { style: 'thin', color: { argb: 'FF000000' } };
const BOX: Partial<ExcelJS.Borders> = { top: THIN, left: THIN, bottom: THIN, right: THIN };

/** Percentages are stored as fractions so that Excel's % format shows 61.27 % for 61.27. */
function stored(value: ReturnType<Column['value']>, format: CellFormat): string | number | null {
  if (value === null) return null;
  if (typeof value === 'number' && (format === 'percent' || format === 'changePercent')) return value / 100;
  return value;
}

/** Display width in Excel's character units: a CJK character is about two Latin ones. */
export function displayWidth(text: string): number {
  let w = 0;
  for (const ch of text) w += /[\u1100-\uffff]/.test(ch) ? 2 : 1;
  return w;
}

/** Column widths fitted to the printed values; long titles wrap instead of widening a column. */
function fittedWidths(columns: readonly Column[], rows: readonly BulletinRow[], titleCap: number): number[] {
  return columns.map((c) => {
    const data = Math.max(...rows.map((r) => displayWidth(printed(c.value(r), c.format))));
    const title = Math.min(displayWidth(c.title), titleCap);
    return Math.min(40, Math.max(6, data, title) + 2);
  });
}

/** A4 landscape, one page wide and as many tall as needed, the header rows repeated, page numbers in the footer. */
function printSetup(sheet: ExcelJS.Worksheet, titleRows: string): void {
  sheet.pageSetup = {
    paperSize: 9,
    orientation: 'landscape',
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    horizontalCentered: true,
    printTitlesRow: titleRows,
    margins: { left: 0.5, right: 0.5, top: 0.6, bottom: 0.7, header: 0.3, footer: 0.3 },
  };
  sheet.headerFooter = { oddFooter: '&C第 &P 页，共 &N 页', evenFooter: '&C第 &P 页，共 &N 页' };
}

function tableRow(sheet: ExcelJS.Worksheet, columns: readonly Column[], row: BulletinRow, bold = false): void {
  const line = sheet.addRow(columns.map((c) => stored(c.value(row), c.format)));
  columns.forEach((c, i) => {
    const cell = line.getCell(i + 1);
    cell.border = BOX;
    cell.font = { name: FONT, size: 10, bold };
    const numFmt = NUMBER_FORMATS[c.format];
    if (numFmt) cell.numFmt = numFmt;
    cell.alignment = { vertical: 'middle', horizontal: c.format === 'text' ? 'left' : 'right' };
  });
}

function headerRow(sheet: ExcelJS.Worksheet, columns: readonly Column[]): ExcelJS.Row {
  const row = sheet.addRow(columns.map((c) => c.title));
  row.eachCell((cell) => {
    cell.font = { name: FONT, size: 10, bold: true };
    cell.border = BOX;
    cell.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFEEEEEE' } };
  });
  return row;
}

function mergedLine(
  sheet: ExcelJS.Worksheet,
  width: number,
  text: string,
  font: Partial<ExcelJS.Font>,
  alignment: Partial<ExcelJS.Alignment>,
): ExcelJS.Row {
  const row = sheet.addRow([text]);
  sheet.mergeCells(row.number, 1, row.number, width);
  const cell = row.getCell(1);
  cell.font = { name: FONT, ...font };
  cell.alignment = { vertical: 'middle', wrapText: true, ...alignment };
  return row;
}

/** Rows of wrapped text a merged cell needs, roughly, for its height. */
const linesFor = (text: string, width: number) => Math.max(1, Math.ceil(displayWidth(text) / Math.max(10, width - 4)));

/**
 * The bulletin as a workbook: 半月通报 (title block, drafted paragraph, main
 * table, notes), the appendix on its own sheets (附表1 every indicator with
 * its numerator and denominator, 附表2 the changes), 说明 (what it is computed from).
 */
export async function bulletinXlsx(doc: BulletinDocument, options: BulletinPrintOptions = {}): Promise<Buffer> {
  const { Workbook } = await import('exceljs');
  const workbook = new Workbook();
  workbook.creator = 'petition-ledger';
  // Fixed dates: the file describes the period, not the moment it was downloaded.
  const stamp = new Date(`${doc.evaluatedOn}T00:00:00Z`);
  workbook.created = stamp;
  workbook.modified = stamp;
  const head = titleBlock(doc, options);
  const all = [...doc.rows, doc.total];

  const main = workbook.addWorksheet('半月通报');
  const widths = fittedWidths(MAIN_COLUMNS, all, 10);
  widths.forEach((w, i) => (main.getColumn(i + 1).width = w));
  const total = widths.reduce((a, b) => a + b, 0);
  const n = MAIN_COLUMNS.length;
  mergedLine(main, n, `${head.title}（${head.period}）`, { size: 18, bold: true }, { horizontal: 'center' }).height =
    30;
  mergedLine(
    main,
    n,
    `${head.office}\u3000\u3000${head.issue}\u3000\u3000${head.date}`,
    { size: 11 },
    { horizontal: 'center' },
  ).height = 20;
  const paragraph = draftParagraph(doc);
  mergedLine(main, n, `\u3000\u3000${paragraph}`, { size: 11 }, { horizontal: 'left' }).height =
    16 * linesFor(paragraph, total);
  if (options.notice) mergedLine(main, n, options.notice, { size: 11, bold: true }, { horizontal: 'left' });
  const header = headerRow(main, MAIN_COLUMNS);
  header.height = 30;
  for (const section of sections(doc)) {
    const heading = mergedLine(main, n, section.heading, { size: 10, bold: true }, { horizontal: 'left' });
    heading.getCell(1).border = BOX;
    for (const row of section.rows) tableRow(main, MAIN_COLUMNS, row);
  }
  tableRow(main, MAIN_COLUMNS, doc.total, true);
  main.addRow([]);
  for (const note of [...NOTES, comparisonNote(doc), '各单位指标明细见附表。']) {
    mergedLine(main, n, note, { size: 9 }, { horizontal: 'left' }).height = 13 * linesFor(note, total);
  }
  main.views = [{ state: 'frozen', xSplit: 1, ySplit: header.number }];
  printSetup(main, `${header.number}:${header.number}`);

  for (const part of APPENDIX_PARTS) {
    const sheet = workbook.addWorksheet(part.title);
    fittedWidths(part.columns, all, 6).forEach((w, i) => (sheet.getColumn(i + 1).width = w));
    const [number, ...rest] = part.title.split(' ');
    mergedLine(
      sheet,
      part.columns.length,
      `${number}：${rest.join(' ')}（${head.period}）`,
      { size: 14, bold: true },
      { horizontal: 'center' },
    ).height = 24;
    const header = headerRow(sheet, part.columns);
    header.height = 45;
    for (const row of doc.rows) tableRow(sheet, part.columns, row);
    tableRow(sheet, part.columns, doc.total, true);
    sheet.views = [{ state: 'frozen', xSplit: 1, ySplit: header.number }];
    printSetup(sheet, `${header.number}:${header.number}`);
  }

  const about = workbook.addWorksheet('说明');
  about.addRows([
    ['发文机关', head.office],
    ['期号', head.issue],
    ['通报期间', head.period],
    ['期间代码', doc.period],
    ['起止日期', `${doc.from} 至 ${doc.to}`],
    ['评判日', doc.evaluatedOn],
    ['账本位置 (asOf)', doc.asOf],
    ['环比期间', `${doc.previous.period} (${doc.previous.from} 至 ${doc.previous.to})`],
    ['说明', NOTES.join('')],
  ]);
  about.getColumn(1).width = 18;
  about.getColumn(2).width = 80;
  about.getColumn(2).alignment = { wrapText: true, vertical: 'top' };
  printSetup(about, '1:1');
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
