import { todayIn } from '../core/clock';
import { REMINDER_FORMATS } from '../core/code-lists';
import { h } from '../core/dom';
import { label, t } from '../core/i18n';
import type { PageContext, PageDef } from '../core/page';
import { units } from '../core/units';
import { card, field, postOnSubmit, select, table } from '../core/ui';
import { matterLink } from './bureau-ui';
import { isDate } from './periods';

interface Duty {
  readonly matterId: string;
  readonly step: string;
  readonly category: string;
  readonly lastDay: string;
  readonly daysLeft: number;
  readonly owner: string | null;
}

interface Reminders {
  readonly date: string;
  readonly asOf: string;
  readonly units: readonly {
    unit: string;
    name?: string;
    dueToday: readonly Duty[];
    dueSoon: readonly Duty[];
    overdue: readonly Duty[];
  }[];
}

/** 提醒: the daily reminder (日提醒) for a date, unit by unit, and the webhook a unit's digest goes to. */
async function render(ctx: PageContext): Promise<Node> {
  const asked = ctx.query.get('date') ?? '';
  const date = isDate(asked) ? asked : todayIn();
  const [digest, allUnits] = await Promise.all([ctx.api.get<Reminders>(`/reminders/${date}`), units(ctx.api)]);
  const unitName = (code: string) =>
    code === 'bureau' ? t('reminders.bureau') : (allUnits.find((u) => u.code === code)?.name ?? code);
  const dateInput = h('input', { type: 'date', value: date });
  const picker = h(
    'form',
    {
      class: 'toolbar',
      onsubmit: (event: Event) => {
        event.preventDefault();
        if (isDate(dateInput.value)) ctx.navigate(`/admin/reminders?date=${dateInput.value}`);
      },
    },
    field({ name: 'date', label: t('reminders.date') }, dateInput),
    h('button', { type: 'submit' }, t('bureau.show')),
  );
  const rows = digest.units.flatMap((u) =>
    [
      ...u.overdue.map((d) => ({ d, kind: 'overdue' as const })),
      ...u.dueToday.map((d) => ({ d, kind: 'today' as const })),
      ...u.dueSoon.map((d) => ({ d, kind: 'soon' as const })),
    ].map(({ d, kind }) => [
      unitName(u.unit),
      matterLink(d.matterId),
      label('step', d.step),
      d.lastDay,
      kind === 'overdue'
        ? h('span', { class: 'overdue' }, t('reminders.overdue', { days: -d.daysLeft }))
        : kind === 'today'
          ? t('reminders.today')
          : t('reminders.soon', { days: d.daysLeft }),
    ]),
  );
  return h(
    'div',
    { class: 'page reminders' },
    h('h1', { tabindex: '-1' }, t('reminders.title')),
    picker,
    card(
      t('reminders.digest', { date }),
      'reminders-digest',
      rows.length
        ? h(
            'div',
            { class: 'table-scroll' },
            table(
              null,
              [
                t('reminders.unit'),
                t('reminders.matter'),
                t('reminders.step'),
                t('reminders.lastDay'),
                t('reminders.state'),
              ],
              rows.slice(0, 300),
            ),
          )
        : h('p', { class: 'empty' }, t('reminders.none')),
      rows.length > 300 ? h('p', { class: 'hint' }, t('reminders.more', { n: rows.length - 300 })) : null,
    ),
    ctx.principal.role === 'admin'
      ? card(
          t('reminders.channel'),
          'reminders-channel',
          channelForm(
            ctx,
            allUnits.map((u) => [u.code, u.name] as [string, string]),
          ),
        )
      : null,
  );
}

function channelForm(ctx: PageContext, unitOptions: [string, string][]): HTMLElement {
  const unit = select([['bureau', t('reminders.bureau')], ...unitOptions], 'bureau');
  const format = select(
    REMINDER_FORMATS.map((f) => [f, t(`reminders.format.${f}`)] as [string, string]),
    'wecom',
  );
  const url = h('input', { type: 'url', maxlength: '2000', autocomplete: 'off', placeholder: 'https://' });
  const secret = h('input', { type: 'password', maxlength: '500', autocomplete: 'new-password' });
  const status = h('div', { 'aria-live': 'polite' });
  const form: HTMLFormElement = h(
    'form',
    {
      novalidate: true,
      onsubmit: postOnSubmit(status, async (idempotencyKey) => {
        const body = {
          unit: unit.value,
          format: format.value,
          url: url.value.trim(),
          ...(secret.value ? { secret: secret.value } : {}),
        };
        const result = await ctx.api.post('/reminder-channels', body, { idempotencyKey });
        secret.value = '';
        return h('p', { class: 'notice', role: 'status' }, t('reminders.saved', { id: result.id }));
      }),
    },
    h('p', { class: 'hint' }, t('reminders.channelHint')),
    h(
      'div',
      { class: 'form-grid' },
      field({ name: 'unit', label: t('reminders.unit'), required: true }, unit),
      field({ name: 'format', label: t('reminders.format'), required: true }, format),
      field({ name: 'url', label: t('reminders.url'), required: true }, url),
      field({ name: 'secret', label: t('reminders.secret'), hint: t('reminders.secretHint') }, secret),
    ),
    h('button', { type: 'submit', class: 'primary' }, t('reminders.save')),
    status,
  );
  return form;
}

export const remindersPage: PageDef = {
  path: '/admin/reminders',
  nav: 'nav.reminders',
  roles: [],
  render,
};
