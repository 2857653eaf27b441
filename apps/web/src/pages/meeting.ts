import { nowLocalInput, todayIn } from '../core/clock';
import { isIsoWeek, isoWeek } from '../core/dates';
import { h, replace } from '../core/dom';
import { label, num, t } from '../core/i18n';
import { liveReload } from '../core/live-page';
import type { PageContext, PageDef } from '../core/page';
import { units } from '../core/units';
import { card, field, postOnSubmit, select, table } from '../core/ui';
import { liveBadge, matterLink, periodPicker } from './bureau-ui';

interface AgendaMatter {
  readonly matterId: string;
  readonly occurredOn: string;
  readonly channel: string;
  readonly level: string;
  readonly headcount: number;
  readonly collective: boolean;
  readonly category: string;
  readonly subject: string | null;
  readonly unit: string;
}

interface Duty {
  readonly matterId: string;
  readonly step: string;
  readonly deadline: string;
}

export interface JudgmentAgenda {
  readonly week: string;
  readonly from: string;
  readonly to: string;
  readonly evaluatedOn: string;
  readonly asOf: string;
  readonly contacts: { batches: number; persons: number; repeat: number; byChannel: Record<string, number> };
  readonly newMatters: readonly AgendaMatter[];
  readonly skipLevelVisits: readonly AgendaMatter[];
  readonly collectiveVisits: readonly AgendaMatter[];
  readonly deadlines: readonly { unit: string | null; due: readonly Duty[]; overdue: readonly Duty[] }[];
  readonly risingSubjects: readonly { subject: string; thisWeek: number; average: number }[];
  readonly campaigns: readonly {
    id: string;
    name: string;
    cases: number;
    resolved: number;
    rate: number | null;
    needed: number;
    onTrack: boolean;
    target: { by: string; rate: number } | null;
  }[];
  readonly ownedMatters: readonly {
    matterId: string;
    leader: string;
    subject: string | null;
    unit: string;
    since: string;
    overdue: boolean;
    resolvedOn: string | null;
  }[];
  readonly lastMeeting: {
    readonly meetingId: string;
    readonly heldOn: string;
    readonly chair: string;
    readonly kind: string;
    readonly decisions: readonly {
      matterId: string;
      decision: string;
      unit: string;
      dueBy: string;
      status: string;
      evidence: { type: string; on: string } | null;
    }[];
  } | null;
}

/** 研判会: the weekly judgment agenda (周研判), live, and the form that records the meeting's decisions. */
async function render(ctx: PageContext): Promise<Node> {
  const asked = ctx.query.get('week') ?? '';
  const week = isIsoWeek(asked) ? asked : isoWeek(todayIn());
  const [agenda, allUnits] = await Promise.all([ctx.api.get<JudgmentAgenda>(`/judgments/${week}`), units(ctx.api)]);
  const unitName = (code: string | null) =>
    code ? (allUnits.find((u) => u.code === code)?.name ?? code) : t('meeting.bureau');
  const body = h('div', { id: 'meeting-agenda' });
  const badge = liveBadge();
  const show = (a: JudgmentAgenda) => replace(body, agendaView(a, unitName));
  show(agenda);

  let current = agenda;
  liveReload(
    ctx,
    (notice) => ['matter', 'meeting', 'campaign', 'upper_assignment', 'instruction'].includes(notice.kind),
    (minPosition) => {
      ctx.api
        .get<JudgmentAgenda>(`/judgments/${week}`, { minPosition })
        .then((next) => {
          current = next;
          show(next);
        })
        .catch(() => undefined);
    },
    { onState: badge.update },
  );

  const mayRecord = ['admin', 'registrar', 'leader'].includes(ctx.principal.role);
  return h(
    'div',
    { class: 'page meeting' },
    h('h1', { tabindex: '-1' }, t('meeting.title')),
    periodPicker(ctx, {
      name: 'week',
      label: t('meeting.week'),
      type: 'week',
      value: week,
      hint: t('meeting.weekHint'),
      valid: isIsoWeek,
      go: (value) => ctx.navigate(`/meeting?week=${value}`),
    }),
    badge.element,
    body,
    mayRecord
      ? decisionsForm(
          ctx,
          week,
          () => current,
          allUnits.map((u) => [u.code, u.name] as [string, string]),
        )
      : null,
  );
}

function agendaView(a: JudgmentAgenda, unitName: (code: string | null) => string): HTMLElement {
  const mattersTable = (rows: readonly AgendaMatter[], empty: string) =>
    rows.length
      ? table(
          null,
          [
            t('meeting.matter'),
            t('meeting.on'),
            t('meeting.channel'),
            t('meeting.category'),
            t('meeting.subject'),
            t('meeting.unit'),
            t('meeting.headcount'),
          ],
          rows.map((m) => [
            matterLink(m.matterId),
            m.occurredOn,
            `${label('channel', m.channel)}${m.level !== 'city' ? ` · ${label('level', m.level)}` : ''}`,
            label('category', m.category),
            m.subject ?? '—',
            unitName(m.unit),
            `${num(m.headcount)}${m.collective ? ` ${t('meeting.collective')}` : ''}`,
          ]),
        )
      : h('p', { class: 'empty' }, empty);
  const duties = a.deadlines.flatMap((d) => [
    ...d.overdue.map((x) => ({ ...x, unit: d.unit, overdue: true })),
    ...d.due.map((x) => ({ ...x, unit: d.unit, overdue: false })),
  ]);
  const last = a.lastMeeting;
  return h(
    'div',
    null,
    h(
      'p',
      { class: 'lead', id: 'meeting-summary' },
      t('meeting.summary', {
        week: a.week,
        from: a.from,
        to: a.to,
        batches: a.contacts.batches,
        persons: a.contacts.persons,
        repeat: a.contacts.repeat,
      }),
    ),
    h(
      'div',
      { class: 'grid' },
      card(t('meeting.newMatters'), 'meeting-new', mattersTable(a.newMatters, t('meeting.none'))),
      card(
        t('meeting.visits'),
        'meeting-visits',
        h('h3', null, t('meeting.skipLevel')),
        mattersTable(a.skipLevelVisits, t('meeting.none')),
        h('h3', null, t('meeting.collectiveVisits')),
        mattersTable(a.collectiveVisits, t('meeting.none')),
      ),
      card(
        t('meeting.duties'),
        'meeting-duties',
        duties.length
          ? table(
              null,
              [t('meeting.unit'), t('meeting.matter'), t('meeting.step'), t('meeting.lastDay'), t('meeting.state')],
              duties.map((d) => [
                unitName(d.unit),
                matterLink(d.matterId),
                label('step', d.step),
                d.deadline,
                d.overdue ? h('span', { class: 'overdue' }, t('meeting.overdue')) : t('meeting.dueThisWeek'),
              ]),
            )
          : h('p', { class: 'empty' }, t('meeting.none')),
      ),
      card(
        t('meeting.rising'),
        'meeting-rising',
        a.risingSubjects.length
          ? table(
              null,
              [t('meeting.subject'), t('meeting.thisWeek'), t('meeting.average')],
              a.risingSubjects.map((s) => [s.subject, num(s.thisWeek), num(s.average)]),
            )
          : h('p', { class: 'empty' }, t('meeting.none')),
      ),
      card(
        t('meeting.campaigns'),
        'meeting-campaigns',
        a.campaigns.length
          ? table(
              null,
              [t('meeting.campaign'), t('meeting.resolved'), t('meeting.target'), t('meeting.needed')],
              a.campaigns.map((c) => [
                c.name,
                `${c.resolved}/${c.cases}（${c.rate ?? '—'}%）`,
                c.target ? `${c.target.rate}%（${c.target.by}）` : '—',
                c.onTrack
                  ? h('span', { class: 'ok' }, t('meeting.onTrack'))
                  : h('span', { class: 'overdue' }, num(c.needed)),
              ]),
            )
          : h('p', { class: 'empty' }, t('meeting.none')),
      ),
      card(
        t('meeting.owned'),
        'meeting-owned',
        a.ownedMatters.length
          ? table(
              null,
              [
                t('meeting.matter'),
                t('meeting.leader'),
                t('meeting.subject'),
                t('meeting.unit'),
                t('meeting.since'),
                t('meeting.state'),
              ],
              a.ownedMatters.map((o) => [
                matterLink(o.matterId),
                o.leader,
                o.subject ?? '—',
                unitName(o.unit),
                o.since,
                o.resolvedOn
                  ? t('meeting.resolvedOn', { date: o.resolvedOn })
                  : o.overdue
                    ? h('span', { class: 'overdue' }, t('meeting.overdue'))
                    : t('meeting.inHand'),
              ]),
            )
          : h('p', { class: 'empty' }, t('meeting.none')),
      ),
    ),
    card(
      t('meeting.lastMeeting'),
      'meeting-last',
      last
        ? h(
            'div',
            null,
            h('p', null, t('meeting.lastHeld', { date: last.heldOn, chair: last.chair })),
            table(
              null,
              [t('meeting.matter'), t('meeting.decision'), t('meeting.unit'), t('meeting.dueBy'), t('meeting.state')],
              last.decisions.map((d) => [
                matterLink(d.matterId),
                d.decision,
                unitName(d.unit),
                d.dueBy,
                h(
                  'span',
                  { class: `decision-${d.status}` },
                  t(`meeting.status.${d.status}` as 'meeting.status.met'),
                  d.evidence ? `（${d.evidence.on}）` : '',
                ),
              ]),
            ),
          )
        : h('p', { class: 'empty' }, t('meeting.noMeeting')),
    ),
  );
}

/** POST /meetings: the chair, when, and one row per decision (matter, decision, unit, due by). */
function decisionsForm(
  ctx: PageContext,
  week: string,
  agenda: () => JudgmentAgenda,
  unitOptions: [string, string][],
): HTMLElement {
  const status = h('div', { class: 'form-status', 'aria-live': 'polite' });
  const chair = h('input', { type: 'text', maxlength: '200', autocomplete: 'off' });
  const occurredAt = h('input', { type: 'datetime-local', value: nowLocalInput() });
  const rows = h('div', { class: 'decision-rows' });
  let count = 0;
  const addRow = () => {
    const i = count;
    count += 1;
    const matters = [...new Set([...agenda().newMatters, ...agenda().collectiveVisits].map((m) => m.matterId))];
    const matterInput = h('input', { type: 'text', list: 'meeting-matters', autocomplete: 'off' });
    const datalist = h('datalist', { id: 'meeting-matters' }, ...matters.map((m) => h('option', { value: m })));
    rows.append(
      h(
        'fieldset',
        { class: 'decision-row' },
        h('legend', null, t('meeting.decisionN', { n: i + 1 })),
        i === 0 ? datalist : null,
        field({ name: `decisions.${i}.matterId`, label: t('meeting.matter'), required: true }, matterInput),
        field(
          { name: `decisions.${i}.decision`, label: t('meeting.decision'), required: true },
          h('textarea', { rows: '2', maxlength: '4000' }),
        ),
        field(
          { name: `decisions.${i}.unit`, label: t('meeting.unit'), required: true },
          select([['', t('meeting.chooseUnit')], ...unitOptions]),
        ),
        field(
          { name: `decisions.${i}.dueBy`, label: t('meeting.dueBy'), required: true },
          h('input', { type: 'date' }),
        ),
      ),
    );
  };
  addRow();
  const form: HTMLFormElement = h(
    'form',
    {
      class: 'meeting-form',
      novalidate: true,
      onsubmit: postOnSubmit(status, async (idempotencyKey) => {
        const value = (name: string) => (form.querySelector<HTMLInputElement>(`[name="${name}"]`)?.value ?? '').trim();
        const decisions = Array.from({ length: count }, (_, i) => ({
          matterId: value(`decisions.${i}.matterId`),
          decision: value(`decisions.${i}.decision`),
          unit: value(`decisions.${i}.unit`),
          dueBy: value(`decisions.${i}.dueBy`),
        })).filter((d) => d.matterId || d.decision || d.unit || d.dueBy);
        const body = {
          kind: 'weekly_judgment',
          chair: chair.value.trim(),
          occurredAt: occurredAt.value ? `${occurredAt.value}:00+08:00` : undefined,
          decisions,
        };
        const result = await ctx.api.post('/meetings', body, { idempotencyKey });
        return h('p', { class: 'notice', role: 'status' }, t('meeting.recorded', { id: result.id, week }));
      }),
    },
    h('p', { class: 'hint' }, t('meeting.formHint')),
    h(
      'div',
      { class: 'form-grid' },
      field({ name: 'chair', label: t('meeting.chair'), required: true }, chair),
      field({ name: 'occurredAt', label: t('meeting.heldAt') }, occurredAt),
    ),
    rows,
    h(
      'div',
      { class: 'form-actions' },
      h('button', { type: 'button', onclick: addRow }, t('meeting.addDecision')),
      h('button', { type: 'submit', class: 'primary' }, t('meeting.record')),
    ),
    status,
  );
  return card(t('meeting.recordTitle'), 'meeting-record', form);
}

export const meetingPage: PageDef = {
  path: '/meeting',
  nav: 'nav.meeting',
  roles: ['registrar', 'leader', 'analyst', 'auditor'],
  render,
};
