import { nowLocalInput } from '../core/clock';
import { h } from '../core/dom';
import { label, t } from '../core/i18n';
import { field, select } from '../core/ui';
import { CHANNELS, LEVELS, SOURCES } from '../core/code-lists';

/** A datetime-local value (the business zone's wall clock) as the API's instant with its offset. */
export function instantFromLocal(value: string): string {
  if (!value) return '';
  const withSeconds = /T\d{2}:\d{2}$/.test(value) ? `${value}:00` : value;
  return `${withSeconds}+08:00`;
}

/**
 * The fields of a contact (API.md: occurredAt, channel, level, source for online, headcount),
 * named by their API paths (`contact.occurredAt`…) so a problem's errors land beside them.
 */
export function contactFields(prefix = 'contact') {
  const occurredAt = h('input', { type: 'datetime-local', value: nowLocalInput(), step: '60' });
  const channel = select(
    CHANNELS.map((c) => [c, label('channel', c)]),
    'visit',
  );
  const level = select(
    LEVELS.map((l) => [l, label('level', l)]),
    'city',
  );
  const source = select(
    [['', t('register.sourceNone')], ...SOURCES.map((s): [string, string] => [s, label('source', s)])],
    '',
  );
  const headcount = h('input', {
    type: 'number',
    min: '1',
    max: '100000',
    step: '1',
    value: '1',
    inputmode: 'numeric',
  });
  const sourceField = field({ name: `${prefix}.source`, label: t('register.source') }, source);
  const showSource = () => {
    sourceField.hidden = channel.value !== 'online';
  };
  channel.addEventListener('change', showSource);
  showSource();
  const element = h(
    'fieldset',
    { class: 'contact-fields' },
    h('legend', null, t('register.contact')),
    h(
      'div',
      { class: 'row' },
      field(
        {
          name: `${prefix}.occurredAt`,
          label: t('register.occurredAt'),
          required: true,
          hint: t('register.occurredAtHint'),
        },
        occurredAt,
      ),
      field({ name: `${prefix}.channel`, label: t('register.channel'), required: true }, channel),
      field({ name: `${prefix}.level`, label: t('register.level') }, level),
      sourceField,
      field({ name: `${prefix}.headcount`, label: t('register.headcount'), required: true }, headcount),
    ),
  );
  return {
    element,
    value(): Record<string, unknown> {
      const count = headcount.value.trim();
      return {
        occurredAt: instantFromLocal(occurredAt.value),
        channel: channel.value,
        level: level.value,
        ...(channel.value === 'online' && source.value ? { source: source.value } : {}),
        // A non-number is sent as it is, for the API to refuse it beside the field.
        headcount: /^\d+$/.test(count) ? Number(count) : count,
      };
    },
    reset(): void {
      occurredAt.value = nowLocalInput();
      headcount.value = '1';
    },
  };
}
