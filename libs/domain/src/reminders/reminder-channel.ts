import type { Decider } from '../decider';
import { DomainEventOf, domainEvent } from '../events/event-catalog';
import type { SealedSecretData } from '../events/activity-events';
import { oneOf, refuse, requiredText } from '../matter/command-checks';
import type { FactContext } from '../facts/record-facts';
import { REMINDER_FORMATS, ReminderFormat } from './reminder-messages';

/** `POST /reminder-channels` (admin): where a unit's daily digest is posted. */
export interface ConfigureReminderChannel {
  readonly type: 'ConfigureReminderChannel';
  readonly channelId: string;
  readonly unit: string;
  readonly format: ReminderFormat;
  /** The full URL, checked here; only its endpoint (no query, no credentials) is recorded as text. */
  readonly url: string;
  /** The same URL sealed by the caller: a WeCom robot's key and a DingTalk access token are part of it. */
  readonly sealedUrl: SealedSecretData;
  /** Sealed by the caller before the command is decided: the domain sees whether there is one, never its value. */
  readonly secret?: SealedSecretData | null;
}

function isSealed(value: unknown): value is SealedSecretData {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return v.alg === 'A256GCM' && ['keyId', 'iv', 'ciphertext', 'tag'].every((k) => typeof v[k] === 'string');
}

const ID = /^[A-Za-z0-9_-]{1,64}$/;

/**
 * A generic JSON channel must have a secret (its receiver checks the HMAC);
 * DingTalk's may (the 加签 variant); WeCom's robot key is part of its URL.
 * Only http(s) URLs are accepted. Nothing secret is recorded in plaintext:
 * the URL and the secret are sealed, the endpoint is kept for people to read.
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
  if (!isSealed(command.sealedUrl)) refuse('value-invalid', 'the url must be sealed before it is recorded', 'url');
  const secret = command.secret ?? null;
  if (secret !== null && !isSealed(secret))
    refuse('value-invalid', 'secret must be sealed before it is recorded', 'secret');
  if (format === 'json' && secret === null)
    refuse('value-required', 'a JSON channel needs a secret for its signature', 'secret');
  if (format === 'wecom' && secret !== null)
    refuse('value-invalid', 'a WeCom robot takes no secret (its key is in the URL)', 'secret');
  return domainEvent('ReminderChannelConfigured', ctx.now, {
    channelId: command.channelId,
    unit: command.unit,
    format,
    endpoint: `${parsed.protocol}//${parsed.host}${parsed.pathname}`,
    url: command.sealedUrl,
    secret,
  });
}

/**
 * `reminder_channel-<channelId>`: configuring a channel again replaces it (the latest
 * event wins), so the state is only the number of configurations so far.
 */
export const reminderChannelDecider: Decider<ConfigureReminderChannel, number, FactContext> = {
  initialState: 0,
  evolve: (configured) => configured + 1,
  decide: (command, _configured, ctx) => [configureReminderChannel(command, ctx)],
};
