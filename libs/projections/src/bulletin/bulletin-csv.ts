import type { BulletinDocument } from '../rhythm/rhythm-reports';
import { APPENDIX_COLUMNS, Cell } from './bulletin-layout';

/**
 * A text cell that a spreadsheet program would read as a formula (it begins
 * with =, +, -, @, a tab or a carriage return: OWASP's list) gets a leading
 * apostrophe, which Excel and LibreOffice show as text. Numbers are numbers
 * and stay as they are: a change of −3.5 % is written -3.5.
 */
export function neutralised(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

/** One RFC 4180 field: quoted when it holds a quote, a comma or a line break. */
export function csvField(value: Cell): string {
  if (value === null) return '';
  const text = typeof value === 'number' ? String(value) : neutralised(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * The bulletin's full table (the appendix: every unit, then the city total),
 * RFC 4180 with CRLF, UTF-8 with a byte-order mark so that spreadsheet
 * programs read the Chinese titles.
 */
export function bulletinCsv(doc: BulletinDocument): Buffer {
  const lines = [
    APPENDIX_COLUMNS.map((c) => c.title),
    ...[...doc.rows, doc.total].map((row) => APPENDIX_COLUMNS.map((c) => c.value(row))),
  ].map((line) => line.map(csvField).join(','));
  return Buffer.from('\ufeff' + lines.join('\r\n') + '\r\n', 'utf8');
}
