import { todayIn } from '../core/clock';
import { h, replace } from '../core/dom';
import { num, t } from '../core/i18n';
import { download } from '../core/files';
import type { PageContext, PageDef } from '../core/page';
import { card, problemBox, table } from '../core/ui';
import { changeText, periodPicker, Publication, publicationBlock, rate } from './bureau-ui';
import { isHalfMonth, lastEndedHalfMonth } from './periods';

type Change = { before: number | null; pct?: number | null; points?: number | null; trend: string | null };

export interface BulletinRow {
  readonly unit: string;
  readonly name: string;
  readonly kind: string | null;
  readonly contacts: number;
  readonly persons: number;
  readonly skipLevel: number;
  readonly overdue: number;
  readonly repeatRate: number | null;
  readonly timelyAcceptanceRate: number | null;
  readonly onTimeRate: number | null;
  readonly resolutionRate: number | null;
  readonly satisfactionRate: number | null;
  readonly change: Readonly<Record<string, Change>>;
}

export interface Bulletin {
  readonly period: string;
  readonly from: string;
  readonly to: string;
  readonly evaluatedOn: string;
  readonly asOf: string;
  readonly previous: { readonly period: string; readonly from: string; readonly to: string };
  readonly rows: readonly BulletinRow[];
  readonly total: BulletinRow;
  readonly published?: Publication;
}

/** The bulletin's columns: [key, heading key, is a rate]. */
export const BULLETIN_COLUMNS = [
  ['contacts', 'bulletin.contacts', false],
  ['persons', 'bulletin.persons', false],
  ['skipLevel', 'bulletin.skipLevel', false],
  ['overdue', 'bulletin.overdue', false],
  ['repeatRate', 'bulletin.repeatRate', true],
  ['timelyAcceptanceRate', 'bulletin.timelyRate', true],
  ['onTimeRate', 'bulletin.onTimeRate', true],
  ['resolutionRate', 'bulletin.resolutionRate', true],
  ['satisfactionRate', 'bulletin.satisfactionRate', true],
] as const;

function periodOf(ctx: PageContext): string {
  const asked = ctx.query.get('period') ?? '';
  return isHalfMonth(asked) ? asked : lastEndedHalfMonth(todayIn());
}

/** The table: one row per unit, then the city total; each figure with its change against the previous half-month. */
export function bulletinTable(b: Bulletin, withChange: boolean): HTMLElement {
  const cell = (row: BulletinRow, key: (typeof BULLETIN_COLUMNS)[number][0], isRate: boolean) => {
    const value = row[key];
    const text = isRate ? rate(value) : num(value);
    if (!withChange) return text;
    return h(
      'span',
      null,
      text,
      h('br'),
      h('small', { class: `change change-${row.change[key]?.trend ?? 'none'}` }, changeText(row.change[key])),
    );
  };
  const rows = [...b.rows, b.total];
  return table(
    t('bulletin.caption', { period: b.period, from: b.from, to: b.to, previous: b.previous.period }),
    [t('bulletin.unit'), ...BULLETIN_COLUMNS.map(([, heading]) => t(heading))],
    rows.map((row) => [
      row.unit ? row.name : h('strong', null, row.name),
      ...BULLETIN_COLUMNS.map(([key, , isRate]) => cell(row, key, isRate)),
    ]),
    'bulletin-table',
  );
}

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** 半月通报: the half-month bulletin with its changes, downloads, the print view and publishing. */
async function render(ctx: PageContext): Promise<Node> {
  const period = periodOf(ctx);
  const bulletin = await ctx.api.get<Bulletin>(`/bulletins/${period}`);
  const status = h('div', { 'aria-live': 'polite' });
  const get = (accept: string, ext: string) => async () => {
    status.replaceChildren();
    try {
      await download(`/bulletins/${period}`, accept, `半月通报-${period}.${ext}`);
    } catch (error) {
      status.replaceChildren(problemBox(error));
    }
  };
  const publication = h('div');
  const showPublication = (b: Bulletin) =>
    replace(
      publication,
      publicationBlock(ctx, {
        kind: 'bulletins',
        period,
        published: b.published,
        after: () => void ctx.api.get<Bulletin>(`/bulletins/${period}`).then(showPublication),
      }),
    );
  showPublication(bulletin);
  return h(
    'div',
    { class: 'page bulletin' },
    h('h1', { tabindex: '-1' }, t('bulletin.title')),
    periodPicker(ctx, {
      name: 'period',
      label: t('bulletin.period'),
      value: period,
      pattern: '\\d{4}-\\d{2}-H[12]',
      hint: t('bulletin.periodHint'),
      valid: isHalfMonth,
      go: (value) => ctx.navigate(`/bulletin?period=${value}`),
    }),
    h(
      'div',
      { class: 'actions' },
      h('a', { href: `/bulletin/print?period=${period}`, class: 'button-link' }, t('bulletin.print')),
      h('button', { type: 'button', onclick: get('text/csv', 'csv') }, t('bulletin.csv')),
      h('button', { type: 'button', onclick: get(XLSX, 'xlsx') }, t('bulletin.xlsx')),
    ),
    status,
    card(t('bulletin.tableTitle'), 'bulletin-rows', h('div', { class: 'table-scroll' }, bulletinTable(bulletin, true))),
    card(t('bulletin.publication'), 'bulletin-publication', publication),
  );
}

/** The print view: the title block and the table, nothing else; the browser prints it (Ctrl+P or the button). */
async function renderPrint(ctx: PageContext): Promise<Node> {
  const period = periodOf(ctx);
  const bulletin = await ctx.api.get<Bulletin>(`/bulletins/${period}`);
  document.body.classList.add('print-view');
  ctx.onDispose(() => document.body.classList.remove('print-view'));
  return h(
    'div',
    { class: 'page print-page' },
    h(
      'div',
      { class: 'print-actions' },
      h('button', { type: 'button', class: 'primary', onclick: () => window.print() }, t('bulletin.printNow')),
      h('a', { href: `/bulletin?period=${period}` }, t('bulletin.back')),
    ),
    h('h1', { tabindex: '-1', class: 'print-title' }, t('bulletin.printTitle', { period })),
    h(
      'p',
      { class: 'print-sub' },
      t('bulletin.printSub', {
        from: bulletin.from,
        to: bulletin.to,
        previous: bulletin.previous.period,
        asOf: bulletin.asOf,
      }),
    ),
    bulletinTable(bulletin, true),
    h(
      'p',
      { class: 'print-foot' },
      bulletin.published
        ? t('bulletin.printPublished', {
            root: bulletin.published.checkpoint.rootHash.slice(0, 16),
            position: bulletin.published.checkpoint.position,
          })
        : t('bulletin.printDraft'),
    ),
  );
}

export const bulletinPage: PageDef = {
  path: '/bulletin',
  nav: 'nav.bulletin',
  roles: ['leader', 'analyst', 'registrar', 'auditor', 'handler'],
  render,
};

export const bulletinPrintPage: PageDef = {
  path: '/bulletin/print',
  roles: ['leader', 'analyst', 'registrar', 'auditor', 'handler'],
  render: renderPrint,
};
