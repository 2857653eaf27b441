import { DomainEventOf, domainEvent } from '../events/event-catalog';
import { oneOf, optionalText, refuse, requiredText } from '../matter/command-checks';
import type { FactContext } from '../facts/record-facts';
import { REMINDER_FORMATS, ReminderFormat } from './reminder-messages';

/** `POST /reminder-channels` (admin): where a unit's daily digest is posted. */
export interface ConfigureReminderChannel {
  readonly type: 'ConfigureReminderChannel';
  readonly channelId: string;
  readonly unit: string;
  readonly format: ReminderFormat;
  readonly url: string;
  readonly secret?: string | null;
}

const ID = /^[A-Za-z0-9_-]{1,64}$/;

/**
 * A generic JSON channel must have a secret (its receiver checks the HMAC);
 * DingTalk's may (the 加签 variant); WeCom's robot key is part of its URL.
 * Only http(s) URLs are accepted.
 */
export function configureReminderChannel(
  command: ConfigureReminderChannel,
  ctx: FactContext,
): DomainEventOf<'ReminderChannelConfigured'> {
  if (typeof command.channelId !== 'string' || !ID.test(command.channelId))
    refuse('value-invalid', 'channelId must match ^[A-Za-z0-9_-]{1,64}$', 'channelId');
  if (typeof command.unit !== 'string' || !ID.test(command.unit))
    refuse('value-invalid', 'unit must be a unit code', 'unit');
  const format = oneOf(REMINDER_FORMATS, command.format, 'format');
  const url = requiredText(command.url, 'url');
  let parsed: URL | null = null;
  try {
    parsed = new URL(url);
  } catch {
    parsed = null;
  }
  if (!parsed || (parsed.protocol !== 'https:' && parsed.protocol !== 'http:'))
    refuse('value-invalid', 'url must be an http(s) URL', 'url');
  const secret = optionalText(command.secret, 'secret');
  if (format === 'json' && secret === null)
    refuse('value-required', 'a JSON channel needs a secret for its signature', 'secret');
  if (format === 'wecom' && secret !== null)
    refuse('value-invalid', 'a WeCom robot takes no secret (its key is in the URL)', 'secret');
  return domainEvent('ReminderChannelConfigured', ctx.now, {
    channelId: command.channelId,
    unit: command.unit,
    format,
    url,
    secret,
  });
}
