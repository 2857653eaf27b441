import type { BulletinRow } from '@app/domain';
import type { BulletinDocument } from '../rhythm/rhythm-reports';
import {
  APPENDIX_PARTS,
  BulletinPrintOptions,
  Column,
  comparisonNote,
  draftParagraph,
  MAIN_COLUMNS,
  NOTES,
  printed,
  sections,
  titleBlock,
} from './bulletin-layout';

export const escapeHtml = (text: string): string =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

function cells(columns: readonly Column[], row: BulletinRow): string {
  return columns
    .map((c) => {
      const value = c.value(row);
      if (value === null) return '<td class="na">—</td>';
      const cls = c.format === 'text' ? 'text' : 'num';
      return `<td class="${cls}">${escapeHtml(printed(value, c.format))}</td>`;
    })
    .join('');
}

const head = (columns: readonly Column[]) =>
  `<thead><tr>${columns.map((c) => `<th>${escapeHtml(c.title)}</th>`).join('')}</tr></thead>`;

/**
 * A page to print, A4 landscape: the title block, the drafted paragraph, the
 * main table, the notes; the full indicator table as an appendix from a new
 * page. Page numbers come from the @page margin boxes.
 */
export function bulletinHtml(doc: BulletinDocument, options: BulletinPrintOptions = {}): string {
  const t = titleBlock(doc, options);
  const all = [...doc.rows, doc.total];
  const main = sections(doc)
    .map(
      (s) =>
        `<tr class="section"><td colspan="${MAIN_COLUMNS.length}">${escapeHtml(s.heading)}</td></tr>\n` +
        s.rows.map((r) => `<tr>${cells(MAIN_COLUMNS, r)}</tr>`).join('\n'),
    )
    .join('\n');
  const appendix = APPENDIX_PARTS.map(
    ({ title, columns }, i) => `<h3>${escapeHtml(title)}</h3>
<table class="appendix" id="appendix-${i + 1}">
${head(columns)}
<tbody>
${all.map((r, j) => `<tr${j === all.length - 1 ? ' class="total"' : ''}>${cells(columns, r)}</tr>`).join('\n')}
</tbody>
</table>`,
  ).join('\n');
  const title = `${t.title}（${t.period}）`;
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<title>${escapeHtml(title)}</title>
<style>
  @page {
    size: A4 landscape;
    margin: 15mm 15mm 16mm;
    @bottom-center { content: "第 " counter(page) " 页，共 " counter(pages) " 页"; font-size: 9pt; }
  }
  html { font-family: "SimSun", "Songti SC", "Noto Serif CJK SC", "Noto Sans CJK SC", serif; font-size: 10.5pt; color: #000; }
  body { margin: 0; }
  header.title { text-align: center; margin-bottom: 4mm; }
  header.title h1 { font-size: 20pt; letter-spacing: 0.1em; margin: 0 0 2mm; color: #c00; }
  header.title p.issue { margin: 0; font-size: 11pt; }
  header.title hr { border: 0; border-top: 2px solid #c00; margin: 2mm 0 0; }
  h2 { font-size: 14pt; text-align: center; margin: 3mm 0; }
  h3 { font-size: 11pt; margin: 2mm 0; }
  p.draft { text-indent: 2em; line-height: 1.7; margin: 0 0 3mm; font-size: 11pt; }
  p.notice { border: 1px solid #000; padding: 2mm; font-weight: bold; }
  table { border-collapse: collapse; width: 100%; table-layout: auto; page-break-inside: auto; }
  thead { display: table-header-group; }
  tr { page-break-inside: avoid; }
  th, td { border: 0.75pt solid #000; padding: 1mm 1.5mm; }
  th { font-weight: bold; background: #eee; white-space: normal; }
  td.num, td.na { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
  td.text { white-space: nowrap; }
  tr.section td { font-weight: bold; background: #f6f6f6; }
  tr.total td { font-weight: bold; }
  ol.notes { font-size: 9pt; margin: 3mm 0 0; padding-left: 5mm; }
  section.appendix { page-break-before: always; }
  table.appendix { font-size: 7.5pt; margin-bottom: 4mm; }
  table.appendix th, table.appendix td { padding: 0.6mm 0.8mm; }
  @media print { th, tr.section td { background: none; } }
</style>
</head>
<body>
<header class="title">
  <h1>${escapeHtml(t.title)}</h1>
  <p class="issue">${escapeHtml(t.issue)}</p>
  <p class="issue">${escapeHtml(t.office)}\u3000\u3000\u3000\u3000${escapeHtml(t.date)}</p>
  <hr>
</header>
<h2>${escapeHtml(t.period)}信访工作情况</h2>
<p class="draft">${escapeHtml(draftParagraph(doc))}</p>
${options.notice ? `<p class="notice">${escapeHtml(options.notice)}</p>\n` : ''}<table class="main" id="main-table">
${head(MAIN_COLUMNS)}
<tbody>
${main}
<tr class="total">${cells(MAIN_COLUMNS, doc.total)}</tr>
</tbody>
</table>
<ol class="notes">
${[...NOTES, comparisonNote(doc), '各单位指标明细见附表。'].map((n) => `  <li>${escapeHtml(n)}</li>`).join('\n')}
</ol>
<section class="appendix">
<h2>附表：各单位信访工作指标明细</h2>
${appendix}
</section>
</body>
</html>
`;
}
