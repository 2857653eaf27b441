import {
  BulletinDocument,
  bulletinCsv as csv,
  bulletinHtml as html,
  BulletinPrintOptions,
  bulletinXlsx as xlsx,
} from '@app/projections';

export const CSV_TYPE = 'text/csv';
export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const HTML_TYPE = 'text/html';

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
