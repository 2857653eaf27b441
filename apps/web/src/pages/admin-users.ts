import { newIdempotencyKey } from '../core/api';
import { h, replace } from '../core/dom';
import { label, t } from '../core/i18n';
import type { PageContext, PageDef } from '../core/page';
import { UNIT_KINDS } from '../core/code-lists';
import { ROLES } from '../core/session';
import { forgetUnits, units } from '../core/units';
import { card, field, postOnSubmit, problemBox, select, table } from '../core/ui';

interface PrincipalRow {
  readonly id: string;
  readonly name: string;
  readonly role: string;
  readonly units: readonly string[];
  readonly created: { at: string; by: string };
  readonly expiresAt: string | null;
  readonly tokenIssuedAt: string | null;
  readonly revoked: { at: string; by: string; reason: string } | null;
  readonly lastUsed: string | null;
}

/** 用户: principals (list, register, revoke) and units (list, register). Admin only. */
async function render(ctx: PageContext): Promise<Node> {
  const listArea = h('div', { id: 'users-list' });
  const unitsArea = h('div', { id: 'units-list' });
  const unitSelect = h('select', { multiple: true, size: '6' });
  const refresh = async () => {
    const [principals, allUnits] = await Promise.all([ctx.api.get<PrincipalRow[]>('/principals'), units(ctx.api)]);
    const unitName = (code: string) => allUnits.find((u) => u.code === code)?.name ?? code;
    replace(unitSelect, ...allUnits.map((u) => h('option', { value: u.code }, `${u.name}（${u.code}）`)));
    replace(
      listArea,
      table(
        null,
        [t('users.name'), t('users.role'), t('users.units'), t('users.lastUsed'), t('users.state'), ''],
        principals.map((p) => [
          h('span', null, p.name, h('br'), h('small', { class: 'hint' }, p.id)),
          label('role', p.role),
          p.units.map(unitName).join('、') || '—',
          p.lastUsed ? p.lastUsed.slice(0, 16).replace('T', ' ') : '—',
          p.revoked
            ? h('span', { class: 'overdue' }, t('users.revokedOn', { at: p.revoked.at.slice(0, 10) }))
            : h('span', { class: 'ok' }, t('users.active')),
          p.revoked || p.id === ctx.principal.id ? '' : revokeButton(ctx, p, () => void refresh()),
        ]),
        'users-table',
      ),
    );
    replace(
      unitsArea,
      table(
        null,
        [t('users.unitCode'), t('users.unitName'), t('users.unitKind'), t('users.unitParent')],
        allUnits.map((u) => [u.code, u.name, label('unitKind', u.kind), u.parent ? unitName(u.parent) : '—']),
      ),
    );
  };
  await refresh();
  return h(
    'div',
    { class: 'page users' },
    h('h1', { tabindex: '-1' }, t('users.title')),
    card(
      t('users.register'),
      'users-register',
      registerForm(ctx, unitSelect, () => void refresh()),
    ),
    card(t('users.list'), 'users-principals', listArea),
    card(
      t('users.unitsTitle'),
      'users-units',
      unitForm(ctx, () => {
        forgetUnits();
        void refresh();
      }),
      unitsArea,
    ),
  );
}

function revokeButton(ctx: PageContext, p: PrincipalRow, after: () => void): HTMLElement {
  const status = h('span', { 'aria-live': 'polite' });
  const button: HTMLButtonElement = h(
    'button',
    {
      type: 'button',
      'aria-label': t('users.revokeWho', { name: p.name }),
      onclick: async () => {
        const reason = window.prompt(t('users.revokeReason', { name: p.name }));
        if (!reason) return;
        button.disabled = true;
        try {
          await ctx.api.post(
            `/principals/${encodeURIComponent(p.id)}/revocation`,
            { reason },
            { idempotencyKey: newIdempotencyKey() },
          );
          after();
        } catch (error) {
          status.replaceChildren(problemBox(error));
          button.disabled = false;
        }
      },
    },
    t('users.revoke'),
  );
  return h('span', null, button, status);
}

function registerForm(ctx: PageContext, unitSelect: HTMLSelectElement, after: () => void): HTMLElement {
  const name = h('input', { type: 'text', maxlength: '200', autocomplete: 'off' });
  const role = select(
    ROLES.map((r) => [r, label('role', r)] as [string, string]),
    'registrar',
  );
  const status = h('div', { 'aria-live': 'polite' });
  const form: HTMLFormElement = h(
    'form',
    {
      novalidate: true,
      onsubmit: postOnSubmit(status, async (idempotencyKey) => {
        const chosen = Array.from(unitSelect.selectedOptions).map((o) => o.value);
        const body = {
          name: name.value.trim(),
          role: role.value,
          ...(role.value === 'handler' ? { units: chosen } : {}),
        };
        const created = await ctx.api.post<{ id: string; token: string }>('/principals', body, { idempotencyKey });
        form.reset();
        // reset() falls back to the first option (admin): the form starts again at the harmless default.
        role.value = 'registrar';
        after();
        return h(
          'div',
          { class: 'notice', role: 'status' },
          h('p', null, t('users.created', { id: created.id })),
          h('p', null, t('users.tokenOnce')),
          h('pre', { class: 'snippet token', id: 'users-new-token', tabindex: '0' }, created.token),
        );
      }),
    },
    h(
      'div',
      { class: 'form-grid' },
      field({ name: 'name', label: t('users.name'), required: true }, name),
      field({ name: 'role', label: t('users.role'), required: true }, role),
      field({ name: 'units', label: t('users.units'), hint: t('users.unitsHint') }, unitSelect),
    ),
    h('button', { type: 'submit', class: 'primary' }, t('users.registerButton')),
    status,
  );
  return form;
}

function unitForm(ctx: PageContext, after: () => void): HTMLElement {
  const code = h('input', { type: 'text', maxlength: '64', autocomplete: 'off' });
  const name = h('input', { type: 'text', maxlength: '200', autocomplete: 'off' });
  const kind = select(
    UNIT_KINDS.map((k) => [k, label('unitKind', k)] as [string, string]),
    'town',
  );
  const parent = h('input', { type: 'text', maxlength: '64', autocomplete: 'off' });
  const status = h('div', { 'aria-live': 'polite' });
  const form: HTMLFormElement = h(
    'form',
    {
      novalidate: true,
      onsubmit: postOnSubmit(status, async (idempotencyKey) => {
        const body = {
          code: code.value.trim(),
          name: name.value.trim(),
          kind: kind.value,
          ...(parent.value.trim() ? { parent: parent.value.trim() } : {}),
        };
        await ctx.api.post('/units', body, { idempotencyKey });
        form.reset();
        after();
        return h('p', { class: 'notice', role: 'status' }, t('users.unitCreated', { code: body.code }));
      }),
    },
    h(
      'div',
      { class: 'form-grid' },
      field({ name: 'code', label: t('users.unitCode'), required: true }, code),
      field({ name: 'name', label: t('users.unitName'), required: true }, name),
      field({ name: 'kind', label: t('users.unitKind'), required: true }, kind),
      field({ name: 'parent', label: t('users.unitParent') }, parent),
    ),
    h('button', { type: 'submit' }, t('users.unitRegister')),
    status,
  );
  return form;
}

export const usersPage: PageDef = {
  path: '/admin/users',
  nav: 'nav.users',
  roles: [],
  render,
};
