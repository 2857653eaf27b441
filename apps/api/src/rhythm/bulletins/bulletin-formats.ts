import {
  BulletinDocument,
  bulletinCsv as csv,
  bulletinHtml as html,
  BulletinPrintOptions,
  bulletinXlsx as xlsx,
} from '@app/projections';
import { JSON_TYPE } from '../report-response';

export const CSV_TYPE = 'text/csv';
export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const HTML_TYPE = 'text/html';
/** What a bulletin is served as, in the order content negotiation prefers. */
export const BULLETIN_TYPES = [JSON_TYPE, CSV_TYPE, XLSX_TYPE, HTML_TYPE] as const;

/**
 * The bulletin's three formats, built by libs/projections/src/bulletin (pure):
 * CSV (the full table, safe to open), XLSX (title block, main table, appendix
 * sheets, print setup) and HTML to print on A4 landscape.
 */
export const bulletinCsv = (doc: BulletinDocument): Buffer => csv(doc);

export const bulletinXlsx = (doc: BulletinDocument, options: BulletinPrintOptions = {}): Promise<Buffer> =>
  xlsx(doc, options);

export const bulletinHtml = (
  doc: BulletinDocument,
  notice: string | null = null,
  options: BulletinPrintOptions = {},
): string => html(doc, { ...options, notice });
