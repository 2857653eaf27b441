import { ApiProblem, newIdempotencyKey, WriteResult } from '../core/api';
import { todayIn } from '../core/clock';
import { DeadlineDetail, deadlineLine } from '../core/deadlines';
import { h } from '../core/dom';
import { has, label, t } from '../core/i18n';
import { liveReload } from '../core/live-page';
import type { PageContext, PageDef } from '../core/page';
import { problemText } from '../core/problems';
import { unitNamer, units } from '../core/units';
import { card, field, problemBox, select, setFieldErrors, table } from '../core/ui';
import { liveBadge } from './bureau-ui';

interface MatterView {
  readonly id: string;
  readonly revision: number;
  readonly status: string;
  readonly category: string;
  readonly subject: string | null;
  readonly responsibleUnit: string;
  readonly assignedUnit: string | null;
  readonly summary: string;
  readonly openedAt: string;
  readonly petitioners: readonly {
    readonly id: string;
    readonly name: string | null;
    readonly idNumber: string | null;
    readonly phone: string | null;
    readonly visibility: string;
  }[];
  readonly contacts: readonly { readonly occurredAt: string; readonly channel: string; readonly headcount: number }[];
  readonly deadlineDetails: readonly DeadlineDetail[];
  readonly overdue: boolean;
  readonly owner: string | null;
  readonly resolved: boolean;
}

interface TimelineEvent {
  readonly position: string;
  readonly revision: number;
  readonly type: string;
  readonly occurredAt: string;
  readonly recordedAt: string;
  readonly actor: { readonly id: string; readonly role: string };
  readonly data: Record<string, unknown>;
}

export const ACTION_KINDS = ['site_visit', 'interview', 'coordination', 'investigation', 'mediation'] as const;
export const REPLY_OUTCOMES = ['supported', 'partially_supported', 'not_supported', 'explained'] as const;

/** An instant as the business zone's wall clock, e.g. 2022-11-09 10:32. */
export function wallClock(instant: string): string {
  const date = new Date(instant);
  if (Number.isNaN(date.getTime())) return instant;
  const shifted = new Date(date.getTime() + 8 * 3600_000).toISOString();
  return `${shifted.slice(0, 10)} ${shifted.slice(11, 16)}`;
}

/** What an event says, in words: its data's fields (never sealed personal data), code values named. */
export function describeEvent(event: TimelineEvent, unitName: (code: string) => string): string {
  const parts: string[] = [];
  for (const [key, value] of Object.entries(event.data)) {
    if (
      key === 'petitioners' ||
      key === 'matterId' ||
      value === null ||
      value === undefined ||
      typeof value === 'object'
    )
      continue;
    const name = has(`data.${key}`) ? t(`data.${key}` as never) : key;
    let shown: string;
    if (typeof value === 'boolean') shown = t(value ? 'data.yes' : 'data.no');
    else if (key === 'unit' || key === 'responsibleUnit') shown = unitName(String(value));
    else if (['channel', 'level', 'category', 'outcome', 'kind', 'mode', 'stage', 'result', 'source'].includes(key)) {
      const list = key === 'kind' ? 'action' : key;
      shown = label(list, String(value));
    } else shown = String(value);
    parts.push(`${name}：${shown}`);
  }
  return parts.join('；');
}

/** One handler action as a form: If-Match the revision shown, one Idempotency-Key per submission. */
function actionForm(
  ctx: PageContext,
  matter: MatterView,
  id: string,
  title: string,
  path: string,
  fields: HTMLElement[],
  body: () => Record<string, unknown>,
  submitLabel: string,
): HTMLElement {
  const status = h('div', { class: 'status-slot', 'aria-live': 'polite' });
  const button = h('button', { type: 'submit', class: 'primary' }, submitLabel);
  let key = newIdempotencyKey();
  let busy = false;
  const form = h(
    'form',
    { class: 'form action-form', novalidate: true, id },
    h('h3', null, title),
    ...fields,
    button,
    status,
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    if (busy) return;
    busy = true;
    button.disabled = true;
    status.replaceChildren();
    ctx.api
      .post<WriteResult>(`/matters/${encodeURIComponent(matter.id)}/${path}`, body(), {
        idempotencyKey: key,
        ifMatch: matter.revision,
      })
      .then((result) => ctx.refresh({ minPosition: result.position, done: id }))
      .catch((error: unknown) => {
        status.append(problemBox(error));
        setFieldErrors(form, problemText(error).fields);
        if (error instanceof ApiProblem && error.status >= 400 && error.status < 500) key = newIdempotencyKey();
        busy = false;
        button.disabled = false;
      });
  });
  return form;
}

function textarea(): HTMLTextAreaElement {
  return h('textarea', { rows: '2', maxlength: '4000' });
}

function handlerActions(ctx: PageContext, matter: MatterView): HTMLElement[] {
  const forms: HTMLElement[] = [];
  if (matter.status === 'assigned') {
    const accepted = select(
      [
        ['true', t('matter.accept')],
        ['false', t('matter.decline')],
      ],
      'true',
    );
    const reason = textarea();
    forms.push(
      actionForm(
        ctx,
        matter,
        'form-acceptance',
        t('matter.acceptanceTitle'),
        'acceptance',
        [
          field({ name: 'accepted', label: t('matter.acceptedField'), required: true }, accepted),
          field({ name: 'reason', label: t('matter.reason'), hint: t('matter.reasonHint') }, reason),
        ],
        () => ({
          accepted: accepted.value === 'true',
          ...(reason.value.trim() ? { reason: reason.value.trim() } : {}),
        }),
        t('matter.save'),
      ),
    );
    const remit = textarea();
    forms.push(
      actionForm(
        ctx,
        matter,
        'form-remit-return',
        t('matter.remitTitle'),
        'remit-returns',
        [field({ name: 'reason', label: t('matter.reason'), required: true }, remit)],
        () => ({ reason: remit.value.trim() }),
        t('matter.save'),
      ),
    );
  }
  if (matter.status === 'accepted') {
    const kind = select(ACTION_KINDS.map((k): [string, string] => [k, label('action', k)]));
    const note = textarea();
    forms.push(
      actionForm(
        ctx,
        matter,
        'form-action',
        t('matter.actionTitle'),
        'actions',
        [
          field({ name: 'kind', label: t('matter.kind'), required: true }, kind),
          field({ name: 'note', label: t('matter.note'), required: true }, note),
        ],
        () => ({ kind: kind.value, note: note.value.trim() }),
        t('matter.save'),
      ),
    );
    const days = h('input', { type: 'number', min: '1', max: '30', step: '1', inputmode: 'numeric' });
    const why = textarea();
    const approvedBy = h('input', { type: 'text', maxlength: '200' });
    forms.push(
      actionForm(
        ctx,
        matter,
        'form-extension',
        t('matter.extensionTitle'),
        'extensions',
        [
          field({ name: 'days', label: t('matter.days'), required: true, hint: t('matter.daysHint') }, days),
          field({ name: 'reason', label: t('matter.reason'), required: true }, why),
          field({ name: 'approvedBy', label: t('matter.approvedBy'), required: true }, approvedBy),
        ],
        () => ({
          days: /^\d+$/.test(days.value.trim()) ? Number(days.value.trim()) : days.value,
          reason: why.value.trim(),
          approvedBy: approvedBy.value.trim(),
        }),
        t('matter.save'),
      ),
    );
    const outcome = select(REPLY_OUTCOMES.map((o): [string, string] => [o, label('outcome', o)]));
    const replyNote = textarea();
    forms.push(
      actionForm(
        ctx,
        matter,
        'form-reply',
        t('matter.replyTitle'),
        'replies',
        [
          field({ name: 'outcome', label: t('matter.outcome'), required: true }, outcome),
          field({ name: 'note', label: t('matter.replyNote'), required: true }, replyNote),
        ],
        () => ({ outcome: outcome.value, note: replyNote.value.trim() }),
        t('matter.save'),
      ),
    );
  }
  return forms;
}

/** The registrar's transfer (转送) or assignment (交办) of a matter still with the bureau. */
function registrarActions(ctx: PageContext, matter: MatterView, unitOptions: [string, string][]): HTMLElement[] {
  if (!['registered', 'returned'].includes(matter.status)) return [];
  const unit = select(unitOptions, matter.responsibleUnit);
  const mode = select(
    [
      ['transfer', label('mode', 'transfer')],
      ['assign', label('mode', 'assign')],
    ],
    'transfer',
  );
  return [
    actionForm(
      ctx,
      matter,
      'form-assignment',
      t('matter.assignTitle'),
      'assignments',
      [
        field({ name: 'unit', label: t('matters.unit'), required: true }, unit),
        field({ name: 'mode', label: t('matter.mode'), required: true }, mode),
      ],
      () => ({ unit: unit.value, mode: mode.value }),
      t('matter.save'),
    ),
  ];
}

/** Calls `onInput` the first time the user types or chooses something in the element. */
function watchInput(onInput: () => void, element: HTMLElement): HTMLElement {
  element.addEventListener('input', onInput, { once: true });
  return element;
}

/** A matter: its state, its statutory clock, its timeline and (for its unit's handler) the actions. */
async function render(ctx: PageContext): Promise<Node> {
  const id = ctx.params.id;
  const minPosition = ctx.query.get('minPosition');
  const read = minPosition && /^\d+$/.test(minPosition) ? { minPosition } : {};
  const [matter, timeline, unitName, allUnits] = await Promise.all([
    ctx.api.get<MatterView>(`/matters/${encodeURIComponent(id)}`, read),
    ctx.api.get<TimelineEvent[]>(`/matters/${encodeURIComponent(id)}/timeline`, read),
    unitNamer(ctx.api),
    units(ctx.api),
  ]);
  const today = todayIn();

  const facts: [string, Node | string][] = [
    [t('matters.status'), label('status', matter.status) + (matter.overdue ? `（${t('matter.overdueFlag')}）` : '')],
    [t('matters.category'), label('category', matter.category)],
    [t('matters.subject'), matter.subject ?? '—'],
    [t('matters.responsibleUnit'), unitName(matter.responsibleUnit)],
    [t('matters.assignedUnit'), matter.assignedUnit ? unitName(matter.assignedUnit) : '—'],
    [t('matters.owner'), matter.owner ?? '—'],
    [t('matter.openedAt'), wallClock(matter.openedAt)],
    [t('matter.contacts'), t('matter.contactCount', { n: matter.contacts.length })],
    [
      t('matter.petitioners'),
      matter.petitioners
        .map((p) =>
          p.visibility === 'withheld' || p.visibility === 'erased'
            ? t(p.visibility === 'erased' ? 'matter.erased' : 'matter.withheld')
            : [p.name, p.idNumber, p.phone].filter(Boolean).join('　'),
        )
        .join('；') || '—',
    ],
  ];
  const summary = h(
    'dl',
    { class: 'facts' },
    ...facts.flatMap(([term, value]) => [h('dt', null, term), h('dd', null, value)]),
    h('dt', null, t('register.summary')),
    h('dd', { class: 'summary' }, matter.summary),
  );

  const lines = matter.deadlineDetails.map((d) => ({ d, line: deadlineLine(d, today) }));
  const notes = [...new Set(lines.map((l) => l.line.calendarNote).filter((n): n is string => !!n))];
  const clock = lines.length
    ? h(
        'div',
        null,
        table(
          null,
          [t('matter.step'), t('matters.unit'), t('matter.startsOn'), t('home.lastDay'), t('matter.clockState')],
          lines.map(({ d, line }) => [
            line.step + (d.extendedBy ? `（${t('matter.extended', { days: d.extendedBy })}）` : ''),
            d.unit ? unitName(d.unit) : t('home.bureau'),
            d.from,
            line.lastDay,
            h(
              'span',
              {
                class:
                  line.state === 'overdue' || line.state === 'met_late' ? 'overdue' : line.state === 'met' ? 'ok' : '',
              },
              line.text,
            ),
          ]),
          'clock-table',
        ),
        ...notes.map((note) => h('p', { class: 'calendar-note', role: 'note' }, note)),
      )
    : h('p', { class: 'empty' }, t('matter.noClock'));

  const events = table(
    null,
    [t('matter.when'), t('matter.what'), t('matter.who'), t('matter.detail'), t('matter.recordedAt')],
    timeline.map((e) => [
      wallClock(e.occurredAt),
      has(`event.${e.type}`) ? t(`event.${e.type}` as never) : e.type,
      `${e.actor.id}（${label('role', e.actor.role)}）`,
      describeEvent(e, unitName),
      wallClock(e.recordedAt),
    ]),
    'timeline-table',
  );

  const role = ctx.principal.role;
  const handles =
    role === 'admin' ||
    (role === 'handler' && !!matter.assignedUnit && ctx.principal.units.includes(matter.assignedUnit));
  const registers = role === 'admin' || role === 'registrar';
  const mayAct = handles || registers;
  const actions: HTMLElement[] = [
    ...(registers
      ? registrarActions(
          ctx,
          matter,
          allUnits.map((u): [string, string] => [u.code, u.name]),
        )
      : []),
    ...(handles ? handlerActions(ctx, matter) : []),
  ];
  const done = ctx.query.get('done');

  // Live: another's write on this matter shows within a moment (read at its position), unless a
  // form here is being filled in: then a line offers the reload, so no typing is lost.
  const badge = liveBadge();
  const banner = h('div', { class: 'status-slot', 'aria-live': 'polite' });
  let typing = false;
  liveReload(
    ctx,
    (notice) => notice.matterId === matter.id,
    (position) => {
      const query = { minPosition: position };
      if (!typing) {
        ctx.refresh(query, { quiet: true });
        return;
      }
      banner.replaceChildren(
        h(
          'div',
          { class: 'notice', role: 'status' },
          t('matter.changed'),
          ' ',
          h('button', { type: 'button', onclick: () => ctx.refresh({ ...query, done: null }) }, t('matter.reload')),
        ),
      );
    },
    { onState: badge.update },
  );

  return h(
    'div',
    { class: 'page matter' },
    h('p', { class: 'back' }, h('a', { href: '/matters' }, t('matter.back'))),
    h('h1', { tabindex: '-1' }, t('matter.title', { id: matter.id })),
    badge.element,
    done ? h('div', { class: 'notice', role: 'status' }, t('matter.saved')) : null,
    banner,
    h(
      'div',
      { class: 'grid' },
      card(t('matter.factsTitle'), 'matter-facts', summary),
      card(t('matter.clockTitle'), 'matter-clock', clock),
    ),
    mayAct
      ? watchInput(
          () => (typing = true),
          card(
            t(handles ? 'matter.actionsTitle' : 'matter.registrarActionsTitle'),
            'matter-actions',
            actions.length
              ? h('div', { class: 'actions-grid' }, ...actions)
              : h('p', { class: 'empty' }, t('matter.noActions')),
          ),
        )
      : null,
    card(t('matter.timelineTitle'), 'matter-timeline', events),
  );
}

export const matterPage: PageDef = {
  path: '/matters/:id',
  roles: ['registrar', 'handler', 'leader', 'analyst', 'auditor'],
  render,
};
