import {
  decideReminder,
  DomainEvent,
  evolveReminder,
  ReminderCommand,
  ReminderFormat,
  reminderMessage,
  ReminderState,
  reminderStream,
  UnitDigest,
  upcastEvent,
} from '@app/domain';
import type { Actor, EventStore, Position } from '@app/ledger';
import { DELIVERY_HEADER, dingTalkSignedUrl, SIGNATURE_HEADER, signJsonBody, TIMESTAMP_HEADER } from '@app/security';

/** Where one unit's digest goes. */
export interface ReminderChannel {
  readonly channelId: string;
  readonly unit: string;
  readonly format: ReminderFormat;
  readonly url: string;
  /** HMAC key: required for `json`, DingTalk's 加签 secret for `dingtalk`, unused for `wecom`. */
  readonly secret: string | null;
}

export interface OutboxDependencies {
  readonly store: EventStore;
  readonly now: () => Date;
  /** Waits between attempts (injected so tests need not wait). */
  readonly sleep: (ms: number) => Promise<void>;
  readonly fetch: typeof fetch;
  readonly unitName: (code: string) => string;
}

export interface BackOff {
  /** Attempts per channel in one delivery round; a channel still failing stays pending for the next round. */
  readonly attempts: number;
  readonly firstDelayMs: number;
}

export const DEFAULT_BACK_OFF: BackOff = { attempts: 5, firstDelayMs: 1000 };

/** The job acts as itself, not as a person. */
const SYSTEM: Actor = { id: 'reminder-job', role: 'admin' };

function isoWithOffset(date: Date): string {
  return date.toISOString().replace('Z', '+00:00');
}

/**
 * The daily reminder's durable outbox. A digest is an event (ReminderDigestRecorded)
 * before anything is sent; each channel's acknowledgement is another event
 * (ReminderDelivered). What is pending is read back from the ledger, so a
 * restart loses nothing; a channel acknowledged is never sent again. Between
 * sending and recording the acknowledgement a crash can cause a second
 * delivery (at least once): receivers drop it by the X-Ledger-Delivery id.
 */
export class ReminderOutbox {
  constructor(
    private readonly deps: OutboxDependencies,
    private readonly backOff: BackOff = DEFAULT_BACK_OFF,
  ) {}

  private async state(stream: string): Promise<{ state: ReminderState | null; revision: number | 'no_stream' }> {
    const events = await this.deps.store.readStream(stream);
    const state = events.map((e) => upcastEvent(e)).reduce<ReminderState | null>(evolveReminder, null);
    return { state, revision: events.length ? events[events.length - 1].revision : 'no_stream' };
  }

  private async decide(stream: string, command: ReminderCommand): Promise<void> {
    const { state, revision } = await this.state(stream);
    const now = isoWithOffset(this.deps.now());
    const events: DomainEvent[] = decideReminder(command, state, { now });
    if (events.length === 0) return;
    await this.deps.store.append(
      stream,
      events.map((e) => ({ type: e.type, version: e.version, occurredAt: e.occurredAt, actor: SYSTEM, data: e.data })),
      revision,
    );
  }

  /** Records each unit's digest for the channels configured for it (units without a channel are skipped). */
  async record(digests: readonly UnitDigest[], channels: readonly ReminderChannel[]): Promise<void> {
    for (const digest of digests) {
      const mine = channels.filter((c) => c.unit === digest.unit);
      if (mine.length === 0) continue;
      await this.decide(reminderStream(digest.unit, digest.date), {
        type: 'RecordReminderDigest',
        digest,
        channels: mine.map((c) => ({ channelId: c.channelId, format: c.format })),
      });
    }
  }

  /** Every (stream, channel) recorded and not yet acknowledged, from the ledger. */
  async pending(): Promise<{ stream: string; digest: UnitDigest; channelId: string }[]> {
    const states = new Map<string, ReminderState | null>();
    let from: Position = 0n;
    for (;;) {
      const batch = await this.deps.store.readAll(from, 1000);
      if (batch.length === 0) break;
      for (const e of batch) {
        if (e.type === 'ReminderDigestRecorded' || e.type === 'ReminderDelivered') {
          states.set(e.stream, evolveReminder(states.get(e.stream) ?? null, upcastEvent(e)));
        }
      }
      from = batch[batch.length - 1].position + 1n;
    }
    const out: { stream: string; digest: UnitDigest; channelId: string }[] = [];
    for (const [stream, s] of states) {
      if (!s) continue;
      for (const channelId of s.channels) {
        if (!s.delivered.includes(channelId)) out.push({ stream, digest: s.digest, channelId });
      }
    }
    return out;
  }

  /**
   * Sends everything pending, with back-off per channel; returns how many were acknowledged
   * and how many are still pending after this round (a later round tries them again).
   */
  async deliverPending(channels: readonly ReminderChannel[]): Promise<{ acknowledged: number; pending: number }> {
    let acknowledged = 0;
    let pending = 0;
    for (const item of await this.pending()) {
      const channel = channels.find((c) => c.channelId === item.channelId);
      if (!channel) continue;
      pending++;
      for (let attempt = 1; attempt <= this.backOff.attempts; attempt++) {
        if (await this.send(channel, item.digest, `${item.stream}/${channel.channelId}`)) {
          await this.decide(item.stream, {
            type: 'MarkReminderDelivered',
            channelId: channel.channelId,
            attempts: attempt,
          });
          acknowledged++;
          pending--;
          break;
        }
        if (attempt < this.backOff.attempts) await this.deps.sleep(this.backOff.firstDelayMs * 2 ** (attempt - 1));
      }
    }
    return { acknowledged, pending };
  }

  /** One attempt; true when the receiver acknowledged (2xx, and errcode 0 for the robots). */
  private async send(channel: ReminderChannel, digest: UnitDigest, deliveryId: string): Promise<boolean> {
    const body = JSON.stringify(reminderMessage(channel.format, digest, this.deps.unitName(digest.unit)));
    const headers: Record<string, string> = { 'content-type': 'application/json', [DELIVERY_HEADER]: deliveryId };
    let url = channel.url;
    if (channel.format === 'json') {
      const timestamp = String(Math.floor(this.deps.now().getTime() / 1000));
      headers[TIMESTAMP_HEADER] = timestamp;
      headers[SIGNATURE_HEADER] = signJsonBody(channel.secret ?? '', timestamp, body);
    }
    if (channel.format === 'dingtalk' && channel.secret) {
      url = dingTalkSignedUrl(url, channel.secret, this.deps.now().getTime());
    }
    try {
      const response = await this.deps.fetch(url, {
        method: 'POST',
        headers,
        body,
        signal: AbortSignal.timeout(10_000),
      });
      if (!response.ok) return false;
      if (channel.format === 'json') return true;
      const answer = (await response.json().catch(() => null)) as { errcode?: unknown } | null;
      return answer?.errcode === 0;
    } catch {
      // Unreachable or timed out: the item stays pending and is tried again.
      return false;
    }
  }
}
