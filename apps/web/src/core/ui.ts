import { ApiProblem, newIdempotencyKey } from './api';
import { append, Child, h, uid } from './dom';
import { t } from './i18n';
import { problemText } from './problems';

/** A refused or failed request, in plain words, announced to screen readers. */
export function problemBox(error: unknown, retry?: () => void): HTMLElement {
  const text = problemText(error);
  return h(
    'div',
    { class: 'problem', role: 'alert' },
    h('p', null, text.message),
    text.detail ? h('p', { class: 'problem-detail' }, text.detail) : null,
    retry ? h('button', { type: 'button', onclick: retry }, t('problem.retry')) : null,
  );
}

export function loading(): HTMLElement {
  return h('p', { class: 'loading', role: 'status' }, t('app.loading'));
}

/** A titled block of a page; `id` names it for tests and skip links. */
export function card(title: string, id: string, ...children: Child[]): HTMLElement {
  const heading = uid('h');
  return h('section', { class: 'card', id, 'aria-labelledby': heading }, h('h2', { id: heading }, title), ...children);
}

/** A plain table with a header row; every cell is text or a node. */
export function table(caption: string | null, headers: string[], rows: Child[][], className = ''): HTMLElement {
  return h(
    'table',
    { class: `table ${className}`.trim() },
    caption ? h('caption', null, caption) : null,
    h('thead', null, h('tr', null, ...headers.map((header) => h('th', { scope: 'col' }, header)))),
    h('tbody', null, ...rows.map((cells) => h('tr', null, ...cells.map((cell) => h('td', null, cell))))),
  );
}

export interface FieldOptions {
  readonly name: string;
  readonly label: string;
  readonly required?: boolean;
  readonly hint?: string;
}

/**
 * A labelled form control with a slot for its error (aria-describedby), so that a problem's
 * `errors` can be shown beside the field it names (`setFieldError`).
 */
export function field(options: FieldOptions, control: HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement) {
  const id = control.id || uid(options.name.replace(/\W/g, '-'));
  control.id = id;
  control.name = options.name;
  if (options.required) control.required = true;
  const errorId = `${id}-error`;
  const hintId = options.hint ? `${id}-hint` : null;
  control.setAttribute('aria-describedby', [hintId, errorId].filter(Boolean).join(' '));
  return h(
    'div',
    { class: 'field', 'data-field': options.name },
    h(
      'label',
      { for: id },
      options.label,
      options.required ? h('span', { class: 'req', 'aria-hidden': 'true' }, ' *') : null,
    ),
    control,
    hintId ? h('p', { class: 'hint', id: hintId }, options.hint) : null,
    h('p', { class: 'field-error', id: errorId }),
  );
}

/** Shows (or clears) the errors of a form's fields by their API names; focuses the first one with an error. */
export function setFieldErrors(form: HTMLElement, errors: Readonly<Record<string, string>>): void {
  let first: HTMLElement | null = null;
  for (const wrapper of Array.from(form.querySelectorAll<HTMLElement>('[data-field]'))) {
    const name = wrapper.dataset.field ?? '';
    const message = errors[name] ?? null;
    const slot = wrapper.querySelector<HTMLElement>('.field-error');
    const control = wrapper.querySelector<HTMLElement>('input, select, textarea');
    if (slot) slot.textContent = message ?? '';
    if (control) {
      if (message) control.setAttribute('aria-invalid', 'true');
      else control.removeAttribute('aria-invalid');
    }
    if (message && !first && control) first = control;
  }
  first?.focus();
}

export function select(options: [string, string][], value = '', extra: Record<string, string> = {}): HTMLSelectElement {
  const el = h('select', extra, ...options.map(([v, text]) => h('option', { value: v }, text)));
  // No given value (or an unknown one): the first option stays chosen.
  if (options.some(([v]) => v === value)) el.value = value;
  return el;
}

/**
 * The submit handler of a form that makes one write. One Idempotency-Key per submission: kept
 * after a failure the server may not have seen (so that sending again cannot record it twice),
 * renewed after success or a refusal (4xx: nothing was recorded, and the corrected form is a new
 * submission). The submit button is disabled while it runs; the problem's `errors` are shown
 * beside their fields and the outcome in `status`. `send` makes the request and returns what to
 * show on success (resetting the form there if it should).
 */
export function postOnSubmit(
  status: HTMLElement,
  send: (idempotencyKey: string) => Promise<Child>,
): (event: Event) => Promise<void> {
  let key = newIdempotencyKey();
  return async (event: Event) => {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    const button = form.querySelector<HTMLButtonElement>('button[type="submit"]');
    if (button?.disabled) return;
    if (button) button.disabled = true;
    status.replaceChildren();
    try {
      const shown = await send(key);
      key = newIdempotencyKey();
      setFieldErrors(form, {});
      append(status, [shown]);
    } catch (error) {
      if (error instanceof ApiProblem && error.status >= 400 && error.status < 500) key = newIdempotencyKey();
      setFieldErrors(form, problemText(error).fields);
      status.replaceChildren(problemBox(error));
    } finally {
      if (button) button.disabled = false;
    }
  };
}
