import { chart } from '../core/charts';
import { todayIn } from '../core/clock';
import { addDays, isIsoWeek, isoWeek, weekMonday, weeksEnding } from '../core/dates';
import { h } from '../core/dom';
import { label, num, t } from '../core/i18n';
import { liveReload } from '../core/live-page';
import type { PageContext, PageDef } from '../core/page';
import { unitNamer } from '../core/units';
import { card, field, table } from '../core/ui';
import { liveBadge } from './bureau-ui';
import {
  Agenda,
  channelSeries,
  MatterListItem,
  MatterPage,
  dueThisWeek,
  Overview,
  overdueByUnit,
  skipLevelByLevel,
  visitsByCategory,
} from './home-figures';
import { CHANNELS } from '../core/code-lists';

const WEEKS = 12;
/** 首页 gathers live notices this long before it redraws, so a burst of writes redraws once. */
const LIVE_QUIET_MS = 2000;

/** 首页: the week at a glance, from the weekly agendas (周研判) and the overview of the 12 weeks. */
async function render(ctx: PageContext): Promise<Node> {
  const today = todayIn();
  const asked = ctx.query.get('week') ?? '';
  const week = isIsoWeek(asked) ? asked : isoWeek(today);
  const weeks = weeksEnding(week, WEEKS);
  const from = weekMonday(weeks[0]);
  const weekEnd = addDays(weekMonday(week), 6);
  // The overview refuses nothing for a period that runs past today, but it cannot know more than today.
  const to = weekEnd < today ? weekEnd : today < from ? from : today;
  const [agendas, overview, overdueNow, unitName] = await Promise.all([
    Promise.all(weeks.map((w) => ctx.api.get<Agenda>(`/judgments/${w}`))),
    ctx.api.get<Overview>('/reports/overview', { from, to }),
    overdueMatters(ctx),
    unitNamer(ctx.api),
  ]);
  const agenda = agendas[agendas.length - 1];
  const unitLabel = (code: string | null) => (code ? unitName(code) : t('home.bureau'));
  const weekLabels = weeks.map((w) => w.slice(5));

  const picker = h('input', { type: 'week', value: week, class: 'week-input' });
  const form = h(
    'form',
    {
      class: 'toolbar',
      onsubmit: (event: Event) => {
        event.preventDefault();
        if (isIsoWeek(picker.value)) ctx.navigate(`/home?week=${picker.value}`);
      },
    },
    field({ name: 'week', label: t('home.week') }, picker),
    h('button', { type: 'submit' }, t('home.show')),
    h('p', { class: 'hint toolbar-hint' }, t('home.weekHint')),
  );

  const series = channelSeries(agendas);
  const channelsUsed = CHANNELS.filter((c) => series[c].some((n) => n > 0));
  const channelChart = chart(
    ctx,
    {
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 40, right: 16, top: 36, bottom: 28 },
      xAxis: { type: 'category', data: weekLabels },
      yAxis: { type: 'value', minInterval: 1 },
      series: channelsUsed.map((c) => ({ name: label('channel', c), type: 'bar', stack: 'all', data: series[c] })),
    },
    t('home.contactsByChannel'),
  );
  const channelTable = details(
    table(
      null,
      [t('home.week'), ...channelsUsed.map((c) => label('channel', c))],
      weeks.map((w, i) => [w, ...channelsUsed.map((c) => num(series[c][i]))]),
    ),
  );

  const categories = visitsByCategory(overview);
  const categoryChart = categories.length
    ? chart(
        ctx,
        {
          tooltip: { trigger: 'axis' },
          grid: { left: 96, right: 24, top: 8, bottom: 24 },
          xAxis: { type: 'value', minInterval: 1 },
          yAxis: { type: 'category', inverse: true, data: categories.map((c) => label('category', c.category)) },
          series: [{ type: 'bar', data: categories.map((c) => c.batches), label: { show: true, position: 'right' } }],
        },
        t('home.visitsByCategory'),
        Math.max(160, 28 * categories.length + 40),
      )
    : h('p', { class: 'empty' }, t('home.noData'));

  const skip = skipLevelByLevel(overview);
  const skipChart = chart(
    ctx,
    {
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 40, right: 16, top: 36, bottom: 28 },
      xAxis: { type: 'category', data: skip.map((s) => label('level', s.level)) },
      yAxis: { type: 'value', minInterval: 1 },
      series: [
        { name: t('home.collective'), type: 'bar', stack: 'all', data: skip.map((s) => s.collective) },
        { name: t('home.individual'), type: 'bar', stack: 'all', data: skip.map((s) => s.individual) },
      ],
    },
    t('home.skipLevel'),
    220,
  );

  const campaigns = agenda.campaigns.length
    ? h(
        'div',
        null,
        chart(
          ctx,
          {
            tooltip: { trigger: 'axis' },
            legend: { top: 0 },
            grid: { left: 140, right: 40, top: 36, bottom: 24 },
            xAxis: { type: 'value', max: 100, axisLabel: { formatter: '{value}%' } },
            yAxis: { type: 'category', data: agenda.campaigns.map((c) => c.name) },
            series: [
              {
                name: t('home.rate'),
                type: 'bar',
                data: agenda.campaigns.map((c) => c.rate ?? 0),
                label: { show: true, position: 'right', formatter: '{c}%' },
              },
              {
                name: t('home.target'),
                type: 'scatter',
                symbol: 'rect',
                symbolSize: [4, 24],
                data: agenda.campaigns.map((c) => c.target?.rate ?? null),
              },
            ],
          },
          t('home.campaign'),
          Math.max(120, 48 * agenda.campaigns.length + 60),
        ),
        h(
          'ul',
          { class: 'plain' },
          ...agenda.campaigns.map((c) =>
            h(
              'li',
              null,
              t('home.campaignRow', {
                name: c.name,
                resolved: c.resolved,
                cases: c.cases,
                rate: c.rate ?? '—',
                target: c.target?.rate ?? '—',
                by: c.target?.by ?? '—',
              }),
            ),
          ),
        ),
      )
    : h('p', { class: 'empty' }, t('home.campaignNone'));

  const overdue = overdueByUnit(overdueNow);
  const overdueBlock = overdue.length
    ? h(
        'div',
        null,
        chart(
          ctx,
          {
            tooltip: { trigger: 'axis' },
            grid: { left: 150, right: 32, top: 8, bottom: 24 },
            xAxis: { type: 'value', minInterval: 1 },
            yAxis: { type: 'category', inverse: true, data: overdue.map((o) => unitLabel(o.unit)) },
            series: [
              {
                type: 'bar',
                color: '#c0392b',
                data: overdue.map((o) => o.count),
                label: { show: true, position: 'right' },
              },
            ],
          },
          t('home.overdueByUnit'),
          Math.max(120, 26 * overdue.length + 40),
        ),
        details(
          table(
            null,
            [t('home.unit'), t('home.count')],
            overdue.map((o) => [unitLabel(o.unit), num(o.count)]),
          ),
        ),
      )
    : h('p', { class: 'empty' }, t('home.overdueNone'));

  const due = dueThisWeek(agenda);
  const dueBlock = due.length
    ? table(
        null,
        [t('home.lastDay'), t('home.matter'), t('home.step'), t('home.unit')],
        due.map((d) => [
          d.deadline,
          h('a', { href: `/matters/${encodeURIComponent(d.matterId)}` }, d.matterId),
          label('step', d.step),
          unitLabel(d.unit),
        ]),
      )
    : h('p', { class: 'empty' }, t('home.dueNone'));

  // Live: a write that changes the week's figures redraws the page in place (at most every 2 s),
  // keeping focus and scroll; the badge says whether the page follows the ledger.
  const badge = liveBadge();
  liveReload(
    ctx,
    (notice) => ['matter', 'campaign', 'meeting'].includes(notice.kind),
    () => ctx.refresh({}, { quiet: true }),
    { quietMs: LIVE_QUIET_MS, onState: badge.update },
  );

  return h(
    'div',
    { class: 'page home' },
    h('h1', { tabindex: '-1' }, t('home.title')),
    badge.element,
    form,
    h(
      'p',
      { class: 'lead', id: 'home-summary' },
      t('home.range', { week, from: agenda.from, to: agenda.to }),
      ' ',
      t('home.summary', {
        batches: agenda.contacts.batches,
        persons: agenda.contacts.persons,
        repeat: agenda.contacts.repeat,
      }),
    ),
    h(
      'div',
      { class: 'grid' },
      card(t('home.contactsByChannel'), 'home-channels', channelChart, channelTable),
      card(t('home.visitsByCategory'), 'home-categories', categoryChart),
      card(t('home.skipLevel'), 'home-skip-level', skipChart),
      card(t('home.campaign'), 'home-campaign', campaigns),
      card(t('home.overdueByUnit'), 'home-overdue', overdueBlock),
      card(t('home.dueThisWeek'), 'home-due', dueBlock),
    ),
  );
}

/** The matters overdue today (GET /matters?overdue=true, every page of it; a handler's are its units'). */
async function overdueMatters(ctx: PageContext): Promise<MatterListItem[]> {
  const items: MatterListItem[] = [];
  let cursor: string | null = null;
  for (let pages = 0; pages < 20; pages += 1) {
    const page: MatterPage = await ctx.api.get<MatterPage>('/matters', { overdue: 'true', limit: 500, cursor });
    items.push(...page.items);
    cursor = page.nextCursor;
    if (!cursor) break;
  }
  return items;
}

function details(content: Node): HTMLElement {
  return h('details', { class: 'chart-data' }, h('summary', null, t('home.chartTable')), content);
}

export const homePage: PageDef = {
  path: '/home',
  nav: 'nav.home',
  roles: ['registrar', 'handler', 'leader', 'analyst'],
  render,
};
