import { ApiProblem, newIdempotencyKey, WriteResult } from '../core/api';
import { h } from '../core/dom';
import { label, t } from '../core/i18n';
import { maskIdNumber, maskName, maskPhone } from '../core/masking';
import type { PageContext, PageDef } from '../core/page';
import { problemText } from '../core/problems';
import { units } from '../core/units';
import { card, field, problemBox, select, setFieldErrors } from '../core/ui';
import { contactFields } from './contact-fields';
import { CATEGORIES } from '../core/code-lists';

interface Petitioner {
  name: string;
  idNumber: string;
  phone: string;
}

/**
 * A form that writes once per submission: the Idempotency-Key is made when the form is shown
 * and again only after a success, so a double click or a retry after a lost answer sends the
 * same key and the ledger records the matter once. Errors of the answer land beside the fields.
 */
function submitOnce(
  form: HTMLFormElement,
  status: HTMLElement,
  send: (key: string) => Promise<WriteResult>,
  done: (result: WriteResult) => void,
) {
  let key = newIdempotencyKey();
  let busy = false;
  const button = form.querySelector<HTMLButtonElement>('button[type=submit]')!;
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    if (busy) return;
    busy = true;
    button.disabled = true;
    status.replaceChildren();
    send(key)
      .then((result) => {
        key = newIdempotencyKey();
        setFieldErrors(form, {});
        done(result);
      })
      .catch((error: unknown) => {
        const text = problemText(error);
        status.append(problemBox(error));
        setFieldErrors(form, text.fields);
        // The same request again would be refused again: a changed form is a new submission.
        if (error instanceof ApiProblem && error.status >= 400 && error.status < 500) key = newIdempotencyKey();
      })
      .finally(() => {
        busy = false;
        button.disabled = false;
      });
  });
}

function petitionerRow(index: number, onRemove: (() => void) | null) {
  const name = h('input', { type: 'text', autocomplete: 'off' });
  const idNumber = h('input', { type: 'text', autocomplete: 'off', spellcheck: 'false' });
  const phone = h('input', { type: 'tel', autocomplete: 'off' });
  const element = h(
    'fieldset',
    { class: 'petitioner' },
    h('legend', null, t('register.petitionerN', { n: index + 1 })),
    h(
      'div',
      { class: 'row' },
      field({ name: `petitioners.${index}.name`, label: t('register.name'), required: true }, name),
      field({ name: `petitioners.${index}.idNumber`, label: t('register.idNumber') }, idNumber),
      field({ name: `petitioners.${index}.phone`, label: t('register.phone') }, phone),
      onRemove
        ? h('button', { type: 'button', class: 'remove', onclick: onRemove }, t('register.removePetitioner'))
        : null,
    ),
  );
  return {
    element,
    value: (): Petitioner => ({ name: name.value.trim(), idNumber: idNumber.value.trim(), phone: phone.value.trim() }),
  };
}

function maskedPetitioners(petitioners: Petitioner[]): HTMLElement {
  return h(
    'ul',
    { class: 'plain masked' },
    ...petitioners.map((p) =>
      h(
        'li',
        null,
        [maskName(p.name), p.idNumber && maskIdNumber(p.idNumber), p.phone && maskPhone(p.phone)]
          .filter(Boolean)
          .join('　'),
      ),
    ),
  );
}

async function render(ctx: PageContext): Promise<Node> {
  const all = await units(ctx.api);
  const unitOptions: [string, string][] = [
    ['', t('register.chooseUnit')],
    ...all.map((u): [string, string] => [u.code, u.name]),
  ];

  // ---- a new matter with its first contact ----
  const category = select([
    ['', t('register.chooseCategory')],
    ...CATEGORIES.map((c): [string, string] => [c, label('category', c)]),
  ]);
  const subject = h('input', { type: 'text', maxlength: '200' });
  const responsibleUnit = select(unitOptions);
  const summary = h('textarea', { rows: '3', maxlength: '4000' });
  const petitionerList = h('div', { class: 'petitioners' });
  let rows: ReturnType<typeof petitionerRow>[] = [];
  const drawPetitioners = (values: Petitioner[] = rows.map((r) => r.value())) => {
    rows = values.map((_, i) =>
      petitionerRow(
        i,
        values.length > 1
          ? () => {
              const kept = rows.map((r) => r.value()).filter((__, j) => j !== i);
              drawPetitioners(kept);
            }
          : null,
      ),
    );
    petitionerList.replaceChildren(...rows.map((r) => r.element));
    rows.forEach((row, i) => {
      const inputs = row.element.querySelectorAll('input');
      inputs[0].value = values[i].name;
      inputs[1].value = values[i].idNumber;
      inputs[2].value = values[i].phone;
    });
  };
  drawPetitioners([{ name: '', idNumber: '', phone: '' }]);
  const contact = contactFields();
  const openStatus = h('div', { class: 'status-slot', 'aria-live': 'polite' });
  const openForm = h(
    'form',
    { class: 'form', novalidate: true, id: 'open-matter-form' },
    h(
      'div',
      { class: 'row' },
      field({ name: 'category', label: t('register.category'), required: true }, category),
      field({ name: 'responsibleUnit', label: t('register.responsibleUnit'), required: true }, responsibleUnit),
      field({ name: 'subject', label: t('register.subject'), hint: t('register.subjectHint') }, subject),
    ),
    field({ name: 'summary', label: t('register.summary'), required: true }, summary),
    petitionerList,
    h(
      'button',
      {
        type: 'button',
        onclick: () => drawPetitioners([...rows.map((r) => r.value()), { name: '', idNumber: '', phone: '' }]),
      },
      t('register.addPetitioner'),
    ),
    contact.element,
    h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'primary' }, t('register.submitOpen'))),
    openStatus,
  );
  submitOnce(
    openForm,
    openStatus,
    (key) => {
      const petitioners = rows.map((r) => r.value());
      return ctx.api.post(
        '/matters',
        {
          category: category.value,
          ...(subject.value.trim() ? { subject: subject.value.trim() } : {}),
          responsibleUnit: responsibleUnit.value,
          summary: summary.value.trim(),
          petitioners: petitioners.map((p) => ({
            name: p.name,
            ...(p.idNumber ? { idNumber: p.idNumber } : {}),
            ...(p.phone ? { phone: p.phone } : {}),
          })),
          contact: contact.value(),
        },
        { idempotencyKey: key },
      );
    },
    (result) => {
      const saved = rows.map((r) => r.value());
      // Saved: the personal data leaves the screen; what stays is masked.
      drawPetitioners([{ name: '', idNumber: '', phone: '' }]);
      summary.value = '';
      subject.value = '';
      contact.reset();
      openStatus.replaceChildren(
        h(
          'div',
          { class: 'notice', role: 'status' },
          h(
            'p',
            null,
            t('register.opened', { id: result.id }),
            ' ',
            h(
              'a',
              { href: `/matters/${encodeURIComponent(result.id)}?minPosition=${result.position}` },
              t('register.view'),
            ),
          ),
          h('p', null, t('register.maskedNote')),
          maskedPetitioners(saved),
        ),
      );
      contactMatter.value = result.id;
    },
  );

  // ---- a further contact on an existing matter (a repeat) ----
  const contactMatter = h('input', { type: 'text', autocomplete: 'off', spellcheck: 'false' });
  const further = contactFields();
  const contactStatus = h('div', { class: 'status-slot', 'aria-live': 'polite' });
  const contactForm = h(
    'form',
    { class: 'form', novalidate: true, id: 'record-contact-form' },
    field(
      { name: 'matterId', label: t('register.matterId'), required: true, hint: t('register.matterIdHint') },
      contactMatter,
    ),
    further.element,
    h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'primary' }, t('register.submitContact'))),
    contactStatus,
  );
  submitOnce(
    contactForm,
    contactStatus,
    (key) => {
      const id = contactMatter.value.trim();
      if (!id)
        return Promise.reject(new ApiProblem(400, { errors: [{ field: 'matterId', message: 'should not be empty' }] }));
      return ctx.api
        .post(`/matters/${encodeURIComponent(id)}/contacts`, { contact: further.value() }, { idempotencyKey: key })
        .catch((error: unknown) => {
          // An unknown matter is the matter field's error.
          if (error instanceof ApiProblem && error.status === 404) {
            throw new ApiProblem(404, { ...error.body, errors: [{ field: 'matterId', message: 'no such matter' }] });
          }
          throw error;
        });
    },
    (result) => {
      further.reset();
      contactStatus.replaceChildren(
        h(
          'div',
          { class: 'notice', role: 'status' },
          h(
            'p',
            null,
            t('register.contactRecorded', { id: result.id }),
            ' ',
            h(
              'a',
              { href: `/matters/${encodeURIComponent(result.id)}?minPosition=${result.position}` },
              t('register.view'),
            ),
          ),
        ),
      );
    },
  );

  return h(
    'div',
    { class: 'page register' },
    h('h1', { tabindex: '-1' }, t('register.title')),
    card(t('register.openTitle'), 'register-open', openForm),
    card(t('register.contactTitle'), 'register-contact', contactForm),
  );
}

export const registerPage: PageDef = {
  path: '/register',
  nav: 'nav.register',
  roles: ['registrar'],
  render,
};
