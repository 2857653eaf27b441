import './bureau.css';
import { h } from '../core/dom';
import { problemBox, table } from '../core/ui';
import { t } from '../core/i18n';
export { changeText, rate } from './bureau-figures';
import type { LiveState } from '../core/live';
import type { PageContext } from '../core/page';

/** A small status line that says whether the page follows the ledger live. */
export function liveBadge(): { element: HTMLElement; update: (state: LiveState) => void } {
  const element = h('p', { class: 'live-badge', role: 'status', 'aria-live': 'polite' });
  const update = (state: LiveState) => {
    element.dataset.state = state;
    element.textContent = t(`live.${state}`);
  };
  return { element, update };
}

/** `<details>` with the numbers behind a chart. */
export function dataTable(content: Node): HTMLElement {
  return h('details', { class: 'chart-data' }, h('summary', null, t('bureau.chartTable')), content);
}

/** A period picker form: one text input with a pattern, submitted as `?<name>=`. */
export function periodPicker(
  ctx: PageContext,
  options: {
    name: string;
    label: string;
    value: string;
    type?: string;
    pattern?: string;
    hint?: string;
    go: (value: string) => void;
    valid: (value: string) => boolean;
  },
): HTMLFormElement {
  const id = `pick-${options.name}`;
  const input = h('input', {
    id,
    name: options.name,
    type: options.type ?? 'text',
    value: options.value,
    pattern: options.pattern ?? null,
    class: 'period-input',
    'aria-describedby': options.hint ? `${id}-hint` : null,
  });
  return h(
    'form',
    {
      class: 'toolbar',
      onsubmit: (event: Event) => {
        event.preventDefault();
        if (options.valid(input.value.trim())) options.go(input.value.trim());
        else input.setAttribute('aria-invalid', 'true');
      },
    },
    h('div', { class: 'field' }, h('label', { for: id }, options.label), input),
    h('button', { type: 'submit' }, t('bureau.show')),
    options.hint ? h('p', { class: 'hint toolbar-hint', id: `${id}-hint` }, options.hint) : null,
  );
}

/** A matter's id as a link to its page. */
export function matterLink(matterId: string): HTMLElement {
  return h('a', { href: `/matters/${encodeURIComponent(matterId)}` }, matterId);
}

export interface Publication {
  readonly checkpoint: { readonly position: string; readonly rootHash: string; readonly size: number };
  readonly contentSha256: string;
  readonly position: string;
  readonly publishedAt: string;
  readonly publishedBy: { readonly id: string; readonly role: string };
  readonly restated: boolean;
  readonly restatement: {
    readonly differences: number;
    readonly truncated: boolean;
    readonly changes: readonly { path: string; published?: unknown; current?: unknown }[];
  } | null;
  readonly rule: { readonly id: string; readonly version: number } | null;
}

const shown = (value: unknown) =>
  value === undefined
    ? '—'
    : value === null
      ? 'null'
      : typeof value === 'object'
        ? JSON.stringify(value)
        : String(value);

/**
 * Whether the period is published (and from which signed checkpoint), its restatement if later
 * facts changed it, and for the analyst the button that publishes it.
 */
export function publicationBlock(
  ctx: PageContext,
  options: {
    kind: 'bulletins' | 'rankings';
    period: string;
    published: Publication | null | undefined;
    after: () => void;
  },
): HTMLElement {
  const p = options.published;
  const status = h('div', { 'aria-live': 'polite' });
  const mayPublish = ctx.principal.role === 'analyst' || ctx.principal.role === 'admin';
  const publish = async (button: HTMLButtonElement) => {
    button.disabled = true;
    try {
      const result = await ctx.api.post<{ position: string; checkpoint: { position: string; rootHash: string } }>(
        `/${options.kind}/${options.period}/publish`,
        {},
        { idempotencyKey: `publish-${options.kind}-${options.period}` },
      );
      status.replaceChildren(
        h(
          'p',
          { class: 'notice', role: 'status' },
          t('bureau.publishedNow', { position: result.position, root: result.checkpoint.rootHash.slice(0, 16) }),
        ),
      );
      options.after();
    } catch (error) {
      status.replaceChildren(problemBox(error));
      button.disabled = false;
    }
  };
  const children: Node[] = [];
  if (p) {
    children.push(
      h(
        'p',
        { id: `${options.kind}-published` },
        t('bureau.publishedAt', {
          at: p.publishedAt.slice(0, 16).replace('T', ' '),
          by: p.publishedBy.id,
          position: p.checkpoint.position,
        }),
        ' ',
        h('code', { class: 'hash' }, p.checkpoint.rootHash),
      ),
    );
    if (p.restated && p.restatement) {
      children.push(
        h(
          'p',
          { class: 'overdue', id: `${options.kind}-restated` },
          t('bureau.restated', { n: p.restatement.differences }),
        ),
        table(
          null,
          [t('bureau.figure'), t('bureau.asPublished'), t('bureau.asNow')],
          p.restatement.changes
            .slice(0, 50)
            .map((c) => [h('code', null, c.path), shown(c.published), shown(c.current)]),
          'restatement',
        ),
      );
    } else children.push(h('p', { class: 'ok' }, t('bureau.notRestated')));
  } else {
    children.push(h('p', null, t('bureau.notPublished')));
    if (mayPublish) {
      const button: HTMLButtonElement = h(
        'button',
        { type: 'button', class: 'primary', onclick: () => void publish(button) },
        t('bureau.publish'),
      );
      children.push(h('p', { class: 'hint' }, t('bureau.publishHint')), button);
    }
  }
  children.push(status);
  return h('div', { class: 'publication' }, ...children);
}
