import { chart } from '../core/charts';
import { todayIn } from '../core/clock';
import { h, replace } from '../core/dom';
import { label, num, t } from '../core/i18n';
import type { PageContext, PageDef } from '../core/page';
import { card, select, table } from '../core/ui';
import { dataTable, matterLink, periodPicker, publicationBlock, rate } from './bureau-ui';
import { isMonth, lastEndedMonth } from './periods';
import { funnelSeries, intervalBars, rankComparison, Ranking, RankingGroup, RankingRow } from './ranking-figures';

function monthOf(ctx: PageContext): string {
  const asked = ctx.query.get('month') ?? '';
  return isMonth(asked) ? asked : lastEndedMonth(todayIn());
}

const explainHref = (month: string, unit: string) => `/ranking/explain?month=${month}&unit=${encodeURIComponent(unit)}`;

/** 月排名: the ranking per peer group with interval bars and a funnel plot; a unit opens its explanation. */
async function render(ctx: PageContext): Promise<Node> {
  const month = monthOf(ctx);
  const ranking = await ctx.api.get<Ranking>(`/rankings/${month}`);
  const indicators = ranking.rule.indicators.map((i) => i.key);
  const askedIndicator = ctx.query.get('indicator') ?? '';
  const indicator = indicators.includes(askedIndicator) ? askedIndicator : (indicators[0] ?? 'onTime');
  const chooser = select(
    indicators.map((key) => [key, label('indicator', key)]),
    indicator,
    { id: 'ranking-indicator' },
  );
  const charts = h('div', { id: 'ranking-charts' });
  const drawCharts = (key: string) => replace(charts, ...ranking.groups.map((g) => groupCharts(ctx, ranking, g, key)));
  chooser.addEventListener('change', () => {
    ctx.replaceQuery({ month, indicator: chooser.value });
    drawCharts(chooser.value);
  });
  drawCharts(indicator);

  const publication = h('div');
  const side = h('div', { id: 'ranking-side-by-side' });
  const showPublication = async (r: Ranking) => {
    replace(
      publication,
      publicationBlock(ctx, {
        kind: 'rankings',
        period: month,
        published: r.published,
        after: () => void ctx.api.get<Ranking>(`/rankings/${month}`).then(showPublication),
      }),
    );
    if (r.published?.restated) {
      const published = await ctx.api.get<Ranking>(`/rankings/${month}/published`);
      replace(side, sideBySide(published, r));
    }
  };
  void showPublication(ranking);

  return h(
    'div',
    { class: 'page ranking' },
    h('h1', { tabindex: '-1' }, t('ranking.title')),
    periodPicker(ctx, {
      name: 'month',
      label: t('ranking.month'),
      type: 'month',
      value: month,
      hint: t('ranking.monthHint'),
      valid: isMonth,
      go: (value) => ctx.navigate(`/ranking?month=${value}`),
    }),
    h(
      'p',
      { class: 'lead', id: 'ranking-rule' },
      t('ranking.rule', { name: ranking.rule.name, version: ranking.rule.version, from: ranking.from, to: ranking.to }),
    ),
    ...ranking.groups.map((g) =>
      card(t('ranking.group', { name: g.name }), `ranking-group-${g.id}`, groupTable(month, ranking, g)),
    ),
    card(
      t('ranking.charts'),
      'ranking-chart-card',
      h(
        'div',
        { class: 'toolbar' },
        h('div', { class: 'field' }, h('label', { for: 'ranking-indicator' }, t('ranking.indicator')), chooser),
      ),
      h('p', { class: 'hint' }, t('ranking.chartHint')),
      charts,
    ),
    card(t('ranking.publication'), 'ranking-publication', publication, side),
  );
}

function groupTable(month: string, ranking: Ranking, g: RankingGroup): HTMLElement {
  const rows = ranking.rows.filter((r) => r.group === g.id);
  const few = ranking.tooFewToRank.filter((r) => r.group === g.id);
  const keys = ranking.rule.indicators.map((i) => i.key);
  return h(
    'div',
    { class: 'table-scroll' },
    table(
      null,
      [t('ranking.rank'), t('ranking.unit'), t('ranking.score'), ...keys.map((k) => label('indicator', k))],
      rows.map((r) => [
        r.flagged ? h('span', { class: 'overdue' }, `${r.rank} ${t('ranking.flagged')}`) : String(r.rank ?? '—'),
        h('a', { href: explainHref(month, r.unit) }, r.name),
        r.score === null || r.score === undefined ? '—' : num(r.score),
        ...keys.map((k) => fractionText(r, k)),
      ]),
      'ranking-table',
    ),
    few.length
      ? h(
          'p',
          { class: 'hint' },
          t('ranking.tooFew'),
          ' ',
          ...few.flatMap((r, i) => [i ? '、' : '', h('a', { href: explainHref(month, r.unit) }, r.name)]),
        )
      : null,
  );
}

function fractionText(r: RankingRow, key: string): string {
  const f = r.indicators[key];
  if (!f || f.denominator === 0) return '—';
  const scored = r.scored?.includes(key) ?? false;
  return `${rate(f.rate)}（${f.numerator}/${f.denominator}）${scored ? '' : ' *'}`;
}

/** One control limit of the funnel plot as an ECharts line: both 95 % limits alike, both 99.8 % limits alike. */
function limitLine(name: string, data: readonly [number, number][], color: string, type: 'dashed' | 'solid') {
  return { name, type: 'line', data, showSymbol: false, lineStyle: { type, color }, itemStyle: { color } };
}

function groupCharts(ctx: PageContext, ranking: Ranking, g: RankingGroup, key: string): HTMLElement {
  const rows = ranking.rows.filter((r) => r.group === g.id);
  const few = ranking.tooFewToRank.filter((r) => r.group === g.id);
  const bars = intervalBars(rows, key);
  const name = label('indicator', key);
  const intervalChart = bars.units.length
    ? chart(
        ctx,
        {
          tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
          legend: { top: 0, data: [t('ranking.interval'), t('ranking.rate')] },
          grid: { left: 120, right: 24, top: 32, bottom: 28 },
          xAxis: { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%' } },
          yAxis: { type: 'category', inverse: true, data: bars.units },
          series: [
            {
              type: 'bar',
              stack: 'ci',
              data: bars.base,
              itemStyle: { color: 'transparent' },
              tooltip: { show: false },
              silent: true,
            },
            {
              name: t('ranking.interval'),
              type: 'bar',
              stack: 'ci',
              data: bars.span,
              itemStyle: { color: '#9ec1e6' },
              barWidth: 10,
            },
            {
              name: t('ranking.rate'),
              type: 'scatter',
              data: bars.rate,
              symbolSize: 10,
              itemStyle: { color: '#154277' },
            },
          ],
        },
        t('ranking.intervalSummary', { group: g.name, indicator: name }),
        Math.max(140, 30 * bars.units.length + 60),
      )
    : h('p', { class: 'empty' }, t('ranking.noData'));
  const f = funnelSeries(g, [...rows, ...few], key);
  const funnelChart = f.lower95.length
    ? chart(
        ctx,
        {
          tooltip: {
            trigger: 'item',
            formatter: (p: { value: [number, number, string] }) =>
              `${p.value[2] ?? ''} ${p.value[1]}%（n=${p.value[0]}）`,
          },
          legend: { top: 0 },
          grid: { left: 48, right: 24, top: 40, bottom: 40 },
          xAxis: { type: 'value', name: t('ranking.denominator'), nameLocation: 'middle', nameGap: 26, minInterval: 1 },
          yAxis: { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%' } },
          series: [
            limitLine(t('ranking.limit95'), f.lower95, '#b35c00', 'dashed'),
            limitLine(t('ranking.limit95'), f.upper95, '#b35c00', 'dashed'),
            limitLine(t('ranking.limit998'), f.lower998, '#a61b1b', 'solid'),
            limitLine(t('ranking.limit998'), f.upper998, '#a61b1b', 'solid'),
            ...(f.target === null
              ? []
              : [
                  {
                    name: t('ranking.target'),
                    type: 'line',
                    data: [
                      [f.lower95[0]?.[0] ?? 0, f.target],
                      [f.lower95[f.lower95.length - 1]?.[0] ?? 1, f.target],
                    ],
                    showSymbol: false,
                    lineStyle: { color: '#2e7d32' },
                    itemStyle: { color: '#2e7d32' },
                  },
                ]),
            {
              name: t('ranking.units'),
              type: 'scatter',
              data: f.ranked,
              symbolSize: 11,
              itemStyle: { color: '#1f5fa8' },
              label: {
                show: true,
                position: 'right',
                formatter: (p: { value: [number, number, string] }) => p.value[2],
                fontSize: 11,
              },
            },
            {
              name: t('ranking.tooFewShort'),
              type: 'scatter',
              data: f.tooFew,
              symbol: 'emptyCircle',
              symbolSize: 9,
              itemStyle: { color: '#455a64' },
            },
          ],
        },
        t('ranking.funnelSummary', { group: g.name, indicator: name }),
        320,
      )
    : h('p', { class: 'empty' }, t('ranking.noFunnel'));
  return h(
    'section',
    { class: 'ranking-charts', 'aria-label': g.name },
    h('h3', null, t('ranking.chartsOf', { group: g.name, indicator: name })),
    h(
      'div',
      { class: 'grid two' },
      h('div', { class: 'chart-box', id: `ranking-interval-${g.id}` }, intervalChart),
      h('div', { class: 'chart-box', id: `ranking-funnel-${g.id}` }, funnelChart),
    ),
    dataTable(
      table(
        null,
        [t('ranking.unit'), t('ranking.rate'), t('ranking.interval'), t('ranking.denominator')],
        [...rows, ...few].map((r) => {
          const x = r.indicators[key];
          return [
            r.name,
            rate(x?.rate),
            x?.wilson ? `${x.wilson.low}–${x.wilson.high}%` : '—',
            x ? String(x.denominator) : '—',
          ];
        }),
      ),
    ),
  );
}

function sideBySide(published: Ranking, current: Ranking): HTMLElement {
  const rows = rankComparison(published, current);
  return h(
    'div',
    null,
    h('h3', null, t('ranking.sideBySide')),
    table(
      null,
      [
        t('ranking.unit'),
        t('ranking.publishedRank'),
        t('ranking.publishedScore'),
        t('ranking.currentRank'),
        t('ranking.currentScore'),
      ],
      rows.map((r) => [
        r.name,
        String(r.publishedRank ?? '—'),
        r.publishedScore === null ? '—' : num(r.publishedScore),
        r.moved ? h('strong', null, String(r.rank ?? '—')) : String(r.rank ?? '—'),
        r.score === null ? '—' : num(r.score),
      ]),
      'side-by-side',
    ),
  );
}

interface Explanation {
  readonly unit: string;
  readonly name?: string;
  readonly group: string;
  readonly rank?: number | null;
  readonly score?: number | null;
  readonly flagged: boolean;
  readonly indicators: Readonly<
    Record<
      string,
      {
        numerator: number;
        denominator: number;
        rate: number | null;
        scored: boolean;
        weight: number;
        wilson: { low: number; high: number } | null;
        funnel?: { reading: string; position: string; against: readonly string[] };
        cases: readonly Record<string, unknown>[];
      }
    >
  >;
}

const CASE_FIELDS = [
  'step',
  'from',
  'deadline',
  'met',
  'missedOn',
  'outcome',
  'excused',
  'resolvedOn',
  'occurredOn',
  'on',
  'channel',
  'level',
  'repeat',
  'result',
] as const;

const CASE_LISTS: Partial<Record<(typeof CASE_FIELDS)[number], string>> = {
  step: 'step',
  channel: 'channel',
  level: 'level',
  outcome: 'outcome',
  result: 'evaluation',
};

function caseValue(field: (typeof CASE_FIELDS)[number], value: unknown): string {
  if (typeof value === 'boolean') return value ? t('bureau.yes') : t('bureau.no');
  const list = CASE_LISTS[field];
  if (list) return label(list, String(value));
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

/** A unit's explanation: each indicator with its reading and the matters behind it. */
async function renderExplanation(ctx: PageContext): Promise<Node> {
  const month = monthOf(ctx);
  const unit = ctx.query.get('unit') ?? '';
  const e = await ctx.api.get<Explanation>(`/rankings/${month}/units/${encodeURIComponent(unit)}/explanation`);
  const unitName = e.name ?? unit;
  return h(
    'div',
    { class: 'page explanation' },
    h('h1', { tabindex: '-1' }, t('explain.title', { unit: unitName, month })),
    h('p', null, h('a', { href: `/ranking?month=${month}` }, t('explain.back'))),
    h(
      'p',
      { class: 'lead', id: 'explain-summary' },
      e.rank ? t('explain.ranked', { rank: e.rank, score: e.score ?? '—' }) : t('explain.unranked'),
      e.flagged ? ` ${t('ranking.flagged')}` : '',
    ),
    ...Object.entries(e.indicators).map(([key, x]) =>
      card(
        `${label('indicator', key)}：${rate(x.rate)}（${x.numerator}/${x.denominator}）`,
        `explain-${key}`,
        h(
          'p',
          null,
          x.scored ? t('explain.scored', { weight: x.weight }) : t('explain.notScored'),
          x.wilson ? ` ${t('explain.wilson', { low: x.wilson.low, high: x.wilson.high })}` : '',
        ),
        x.funnel ? h('p', { class: 'reading' }, x.funnel.reading) : null,
        x.cases.length
          ? table(
              null,
              [t('explain.matter'), t('explain.counted'), t('explain.details')],
              x.cases.map((c) => [
                matterLink(String(c.matterId)),
                label('counted', String(c.counted ?? '')),
                CASE_FIELDS.filter((f) => c[f] !== undefined && c[f] !== null)
                  .map((f) => `${t(`explain.f.${f}` as 'explain.f.step')}：${caseValue(f, c[f])}`)
                  .join('；'),
              ]),
            )
          : h('p', { class: 'empty' }, t('explain.noCases')),
      ),
    ),
  );
}

export const rankingPage: PageDef = {
  path: '/ranking',
  nav: 'nav.ranking',
  roles: ['leader', 'analyst', 'registrar', 'auditor', 'handler'],
  render,
};

export const explanationPage: PageDef = {
  path: '/ranking/explain',
  roles: ['leader', 'analyst', 'registrar', 'auditor', 'handler'],
  render: renderExplanation,
};
