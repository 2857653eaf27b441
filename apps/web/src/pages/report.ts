import { todayIn } from '../core/clock';
import { h } from '../core/dom';
import { t } from '../core/i18n';
import { copyText, download } from '../core/files';
import type { PageContext, PageDef } from '../core/page';
import { card, field, problemBox } from '../core/ui';
import { isDate } from './periods';

interface Overview {
  readonly period: { from: string; to: string };
  readonly previous: { from: string; to: string };
  readonly asOf?: string;
  readonly text: string;
}

interface WorkReport {
  readonly period: { from: string; to: string };
  readonly previous: { from: string; to: string };
  readonly asOf: string;
  readonly text: string;
}

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** A block of drafted text with a copy button; the text stays selectable if the clipboard is refused. */
function draftedText(id: string, text: string): HTMLElement {
  const status = h('span', { class: 'hint', role: 'status' });
  const block = h('pre', { class: 'drafted', id, tabindex: '0' }, text);
  return h(
    'div',
    { class: 'drafted-block' },
    h(
      'div',
      { class: 'actions' },
      h(
        'button',
        {
          type: 'button',
          onclick: async () => {
            status.textContent = (await copyText(text)) ? t('report.copied') : t('report.copyRefused');
          },
        },
        t('report.copy'),
      ),
      status,
    ),
    block,
  );
}

/** 报告: the overview (section 一) for any dates with its drafted text, and the whole work report + Word. */
async function render(ctx: PageContext): Promise<Node> {
  const today = todayIn();
  const from = isDate(ctx.query.get('from') ?? '') ? ctx.query.get('from')! : `${today.slice(0, 4)}-01-01`;
  const to = isDate(ctx.query.get('to') ?? '') ? ctx.query.get('to')! : today;
  const fromInput = h('input', { type: 'date', value: from });
  const toInput = h('input', { type: 'date', value: to });
  const form = h(
    'form',
    {
      class: 'toolbar',
      onsubmit: (event: Event) => {
        event.preventDefault();
        if (isDate(fromInput.value) && isDate(toInput.value))
          ctx.navigate(`/report?from=${fromInput.value}&to=${toInput.value}`);
      },
    },
    field({ name: 'from', label: t('report.from') }, fromInput),
    field({ name: 'to', label: t('report.to') }, toInput),
    h('button', { type: 'submit' }, t('bureau.show')),
    h('p', { class: 'hint toolbar-hint' }, t('report.hint')),
  );
  const overviewArea = h('div', { id: 'report-overview-body' });
  const workArea = h('div', { id: 'report-work-body' });
  const status = h('div', { 'aria-live': 'polite' });
  try {
    const [overview, work] = await Promise.all([
      ctx.api.get<Overview>('/reports/overview', { from, to }),
      ctx.api.get<WorkReport>('/reports/work', { from, to }),
    ]);
    overviewArea.append(
      h(
        'p',
        { class: 'lead' },
        t('report.period', {
          from: overview.period.from,
          to: overview.period.to,
          pfrom: overview.previous.from,
          pto: overview.previous.to,
        }),
      ),
      draftedText('report-overview-text', overview.text),
    );
    workArea.append(
      h(
        'p',
        { class: 'print-only print-title' },
        t('report.printTitle', { from: work.period.from, to: work.period.to }),
      ),
      h(
        'div',
        { class: 'actions' },
        h(
          'button',
          {
            type: 'button',
            class: 'primary',
            onclick: async () => {
              status.replaceChildren();
              try {
                await download('/reports/work', DOCX, `工作报告-${from}-${to}.docx`, { from, to });
              } catch (error) {
                status.replaceChildren(problemBox(error));
              }
            },
          },
          t('report.word'),
        ),
        h('button', { type: 'button', onclick: () => window.print() }, t('report.print')),
      ),
      status,
      draftedText('report-work-text', work.text),
    );
  } catch (error) {
    overviewArea.append(problemBox(error));
  }
  return h(
    'div',
    { class: 'page report' },
    h('h1', { tabindex: '-1' }, t('report.title')),
    form,
    card(t('report.overview'), 'report-overview', overviewArea),
    card(t('report.work'), 'report-work', workArea),
  );
}

export const reportPage: PageDef = {
  path: '/report',
  nav: 'nav.report',
  roles: ['leader', 'analyst', 'registrar', 'auditor'],
  render,
};
