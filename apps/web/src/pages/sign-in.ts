import { ApiClient, ApiProblem } from '../core/api';
import { h } from '../core/dom';
import { t } from '../core/i18n';
import { Principal } from '../core/session';
import { field, problemBox } from '../core/ui';

export interface SignInOptions {
  /** The previous token was refused: say so. */
  readonly expired: boolean;
  readonly onSignedIn: (token: string, principal: Principal) => void;
}

/** Sign-in with a bearer token: checked with GET /principals/me before it is kept. */
export function signInPage(options: SignInOptions): HTMLElement {
  const input = h('input', { type: 'password', autocomplete: 'off', spellcheck: 'false', class: 'token-input' });
  const status = h('div', { class: 'status-slot' });
  const button = h('button', { type: 'submit', class: 'primary' }, t('signIn.submit'));
  if (options.expired) status.append(problemBox(new ApiProblem(401)));
  const form = h(
    'form',
    {
      class: 'sign-in-form',
      novalidate: true,
      onsubmit: async (event: Event) => {
        event.preventDefault();
        status.replaceChildren();
        const token = input.value.trim();
        if (!token) {
          status.append(h('p', { class: 'problem', role: 'alert' }, t('signIn.empty')));
          input.focus();
          return;
        }
        button.disabled = true;
        try {
          const principal = await new ApiClient(() => token).get<Principal>('/principals/me');
          options.onSignedIn(token, principal);
        } catch (error) {
          status.append(problemBox(error));
          input.select();
          input.focus();
        } finally {
          button.disabled = false;
        }
      },
    },
    field({ name: 'token', label: t('signIn.token'), required: true }, input),
    button,
    status,
  );
  const page = h(
    'main',
    { id: 'main', class: 'sign-in' },
    h('h1', null, t('app.title')),
    h('h2', null, t('signIn.title')),
    h('p', null, t('signIn.intro')),
    form,
    h('p', { class: 'hint' }, t('signIn.demoHint')),
  );
  queueMicrotask(() => input.focus());
  return page;
}
