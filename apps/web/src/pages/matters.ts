import { h } from '../core/dom';
import { label, t } from '../core/i18n';
import type { PageContext, PageDef } from '../core/page';
import { units } from '../core/units';
import { card, field, select, table } from '../core/ui';
import type { MatterPage } from './home-figures';

export const STATUSES = [
  'registered',
  'assigned',
  'returned',
  'not_accepted',
  'accepted',
  'replied',
  'under_review',
  'reviewed',
  'under_re_review',
  'final',
] as const;

const FILTERS = ['unit', 'status', 'overdue', 'subject', 'from', 'to'] as const;
const PAGE_SIZE = 50;

/** 事项: search and filter the matters (a handler sees its units' only), page by page. */
async function render(ctx: PageContext): Promise<Node> {
  const all = await units(ctx.api);
  const unitName = new Map(all.map((u) => [u.code, u.name]));
  const q = (name: string) => ctx.query.get(name) ?? '';
  // A handler's list is its units' (the API scopes it): offer only those.
  const offered = ctx.principal.role === 'handler' ? all.filter((u) => ctx.principal.units.includes(u.code)) : all;

  const unit = select(
    [['', t('matters.allUnits')], ...offered.map((u): [string, string] => [u.code, u.name])],
    q('unit'),
  );
  const status = select(
    [['', t('matters.allStatuses')], ...STATUSES.map((s): [string, string] => [s, label('status', s)])],
    q('status'),
  );
  const overdue = select(
    [
      ['', t('matters.overdueAny')],
      ['true', t('matters.overdueYes')],
      ['false', t('matters.overdueNo')],
    ],
    q('overdue'),
  );
  const subject = h('input', { type: 'search', value: q('subject'), maxlength: '200' });
  const from = h('input', { type: 'date', value: q('from') });
  const to = h('input', { type: 'date', value: q('to') });
  const controls = { unit, status, overdue, subject, from, to };

  const form = h(
    'form',
    {
      class: 'filters',
      role: 'search',
      onsubmit: (event: Event) => {
        event.preventDefault();
        const params = new URLSearchParams();
        for (const name of FILTERS) {
          const value = controls[name].value.trim();
          if (value) params.set(name, value);
        }
        const search = params.toString();
        ctx.navigate(`/matters${search ? `?${search}` : ''}`);
      },
    },
    h(
      'div',
      { class: 'row' },
      field({ name: 'unit', label: t('matters.unit') }, unit),
      field({ name: 'status', label: t('matters.status') }, status),
      field({ name: 'overdue', label: t('matters.overdue') }, overdue),
      field({ name: 'subject', label: t('matters.subject') }, subject),
      field({ name: 'from', label: t('matters.from') }, from),
      field({ name: 'to', label: t('matters.to') }, to),
      h('div', { class: 'filter-actions' }, h('button', { type: 'submit', class: 'primary' }, t('matters.search'))),
    ),
  );

  const query: Record<string, string> = { limit: String(PAGE_SIZE) };
  for (const name of FILTERS) if (q(name)) query[name] = q(name);
  if (q('cursor')) query.cursor = q('cursor');
  const page = await ctx.api.get<MatterPage>('/matters', query);

  // Where the previous pages began (FIRST: the first page), so that 上一页 goes back: the API's cursors go forward only.
  const FIRST = '-';
  const trail = q('trail') ? q('trail').split('~') : [];
  const current = q('cursor') || FIRST;
  const link = (cursor: string | null, nextTrail: string[]) => {
    const params = new URLSearchParams();
    for (const name of FILTERS) if (q(name)) params.set(name, q(name));
    if (cursor && cursor !== FIRST) params.set('cursor', cursor);
    if (nextTrail.length) params.set('trail', nextTrail.join('~'));
    return `/matters?${params.toString()}`;
  };
  const pageNumber = trail.length + 1;
  const pager = h(
    'nav',
    { class: 'pager', 'aria-label': t('matters.pages') },
    trail.length
      ? h('a', { href: link(trail[trail.length - 1], trail.slice(0, -1)), rel: 'prev' }, t('matters.previous'))
      : null,
    h('span', null, t('matters.pageN', { n: pageNumber })),
    page.nextCursor
      ? h('a', { href: link(page.nextCursor, [...trail, current]), rel: 'next' }, t('matters.next'))
      : null,
  );

  const rows = page.items.map((m) => [
    h('a', { href: `/matters/${encodeURIComponent(m.id)}` }, m.id),
    m.openedAt.slice(0, 10),
    label('category', m.category),
    m.subject ?? '',
    unitName.get(m.responsibleUnit) ?? m.responsibleUnit,
    m.assignedUnit ? (unitName.get(m.assignedUnit) ?? m.assignedUnit) : '',
    label('status', m.status),
    m.owner ?? '',
  ]);
  const results = page.items.length
    ? table(
        null,
        [
          t('matters.id'),
          t('matters.openedOn'),
          t('matters.category'),
          t('matters.subject'),
          t('matters.responsibleUnit'),
          t('matters.assignedUnit'),
          t('matters.status'),
          t('matters.owner'),
        ],
        rows,
        'matters-table',
      )
    : h('p', { class: 'empty' }, t('matters.none'));

  return h(
    'div',
    { class: 'page matters' },
    h('h1', { tabindex: '-1' }, t('matters.title')),
    form,
    card(t('matters.results', { count: page.items.length, n: pageNumber }), 'matters-results', results, pager),
  );
}

export const mattersPage: PageDef = {
  path: '/matters',
  nav: 'nav.matters',
  roles: ['registrar', 'handler', 'leader', 'analyst', 'auditor'],
  render,
};
