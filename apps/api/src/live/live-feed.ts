import { Inject, Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import { EventsHandler, IEventHandler } from '@nestjs/cqrs';
import type { Response } from 'express';
import { MatterState } from '@app/domain';
import { EVENT_STORE, EventEnvelope, EventStore } from '@app/ledger';
import { findMatter } from '@app/projections';
import { APP_CONFIG, AppConfig } from '@app/runtime';
import type { Principal } from '@app/security';
import { serviceUnavailable } from '../http/problem';
import { ReadModels } from '../read-models/read-models.service';
import { LedgerEventApplied } from './ledger-event-applied.event';
import { LiveConnection } from './live-connection';
import { FeedItem } from './live-notice';

/** Missed notices replayed on a reconnect at most; further behind, the client is told to reload. */
export const LIVE_REPLAY_LIMIT = 1000;
/** Streams open at once, over all callers; one more is refused with 503. */
export const LIVE_MAX_CONNECTIONS = 500;
/** A stream ends after this long; the client reconnects with Last-Event-ID and is authenticated afresh. */
export const LIVE_MAX_AGE_MS = 15 * 60_000;
/** The reconnection delay suggested to the client (`retry:`), so that a restart brings no storm. */
export const LIVE_RETRY_MS = 3000;
const REPLAY_BATCH = 256;

/**
 * The server-sent events behind `GET /live`: listens to `LedgerEventApplied` on the EventBus
 * and passes each to every open stream, which tells its caller only what the caller may read.
 * A reconnect with `Last-Event-ID` first replays the missed notices from the log (up to what
 * the read models have applied, at most LIVE_REPLAY_LIMIT), holding the live ones back, so
 * that nothing is missed and nothing is sent twice.
 */
@Injectable()
@EventsHandler(LedgerEventApplied)
export class LiveFeed implements IEventHandler<LedgerEventApplied>, OnModuleDestroy {
  private readonly logger = new Logger('LiveFeed');
  private readonly connections = new Set<LiveConnection>();
  private readonly heartbeat: NodeJS.Timeout;

  constructor(
    private readonly readModels: ReadModels,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.heartbeat = setInterval(() => {
      for (const connection of this.connections) connection.heartbeat();
    }, config.liveHeartbeatSeconds * 1000);
    this.heartbeat.unref();
  }

  /** Streams open now. */
  get open(): number {
    return this.connections.size;
  }

  handle(event: LedgerEventApplied): void {
    if (this.connections.size === 0) return;
    const item = this.item(event.position, event.stream, event.type);
    for (const connection of this.connections) connection.offer(item);
  }

  /**
   * Starts a stream on `res` (headers not yet sent): after `lastEventId`, the notices missed
   * since, else from what the read models reflect now.
   */
  async follow(principal: Principal, res: Response, lastEventId: bigint | null): Promise<void> {
    if (this.connections.size >= LIVE_MAX_CONNECTIONS) {
      throw serviceUnavailable(`${LIVE_MAX_CONNECTIONS} live streams are open already; retry later`);
    }
    // Registered before the log is read: whatever is applied from now on is held, not lost.
    const now = this.readModels.live.position;
    const connection = new LiveConnection(principal, res, lastEventId ?? now, (c) => this.connections.delete(c));
    this.connections.add(connection);
    res.status(200);
    res.setHeader('Content-Type', 'text/event-stream; charset=utf-8');
    res.setHeader('Cache-Control', 'no-store, no-transform');
    res.setHeader('Connection', 'keep-alive');
    // A reverse proxy must pass each message on at once, not buffer the response.
    res.setHeader('X-Accel-Buffering', 'no');
    res.flushHeaders();
    res.on('close', () => connection.close());
    const maxAge = setTimeout(() => connection.close(), LIVE_MAX_AGE_MS);
    maxAge.unref();
    res.on('close', () => clearTimeout(maxAge));
    connection.raw(`retry: ${LIVE_RETRY_MS}\n\n`);
    try {
      if (lastEventId !== null) await this.replay(connection, lastEventId, now);
      connection.goLive();
      connection.event('ready', { position: connection.cursor.toString() });
    } catch (error) {
      this.logger.error({ err: error }, 'live stream: replay failed; the client reconnects');
      connection.close();
    }
  }

  /** The notices after `from` up to `until`, or a `reset` when there are too many or `from` is unknown. */
  private async replay(connection: LiveConnection, from: bigint, until: bigint): Promise<void> {
    const head = (await this.store.head()).position;
    if (from > head) {
      // Not a position of this ledger (a restored or another one): start afresh.
      connection.cursor = until;
      connection.event('reset', { position: until.toString(), reason: 'unknown-position' });
      return;
    }
    const missed: EventEnvelope[] = [];
    for (let next = from + 1n; next <= until;) {
      const batch = await this.store.readAll(next, REPLAY_BATCH);
      for (const event of batch) if (event.position <= until) missed.push(event);
      if (missed.length > LIVE_REPLAY_LIMIT) {
        connection.cursor = until;
        connection.event('reset', { position: until.toString(), reason: 'too-far-behind' });
        return;
      }
      if (batch.length < REPLAY_BATCH) break;
      next = batch[batch.length - 1].position + 1n;
    }
    for (const event of missed) connection.deliver(this.item(event.position, event.stream, event.type));
  }

  private item(position: bigint, stream: string, type: string): FeedItem {
    return new FeedItem(position, stream, type, (matterId) => this.matterState(matterId));
  }

  private matterState(matterId: string): MatterState | null {
    return findMatter(this.readModels.db, matterId)?.state ?? null;
  }

  /** Ends every stream, so that the HTTP server can close. */
  onModuleDestroy(): void {
    clearInterval(this.heartbeat);
    for (const connection of [...this.connections]) connection.close();
  }
}
