import type { Response } from 'express';
import type { Principal } from '@app/security';
import { FeedItem } from './live-notice';

/** A stream whose unsent bytes grow past this is closed: the client resumes with Last-Event-ID. */
const MAX_BUFFERED_BYTES = 256 * 1024;

/**
 * One open `GET /live` stream. While the missed notices are replayed, live ones are held
 * back; afterwards each is sent once, in position order: `cursor` is the last position
 * considered (sent or not visible to the caller), and nothing at or below it goes out again.
 */
export class LiveConnection {
  private held: FeedItem[] | null = [];
  private lastIdSent: bigint | null = null;
  private closed = false;

  constructor(
    readonly principal: Principal,
    private readonly res: Response,
    public cursor: bigint,
    private readonly onClose: (connection: LiveConnection) => void,
  ) {}

  get isOpen(): boolean {
    return !this.closed;
  }

  /** A live notice from the bus. */
  offer(item: FeedItem): void {
    if (this.closed) return;
    if (this.held) this.held.push(item);
    else this.deliver(item);
  }

  /** A notice in position order: sent if new and visible to the caller. */
  deliver(item: FeedItem): void {
    if (this.closed || item.position <= this.cursor) return;
    this.cursor = item.position;
    const notice = item.noticeFor(this.principal);
    if (notice) this.write(`id: ${notice.position}\ndata: ${JSON.stringify(notice)}\n\n`, item.position);
  }

  /** The replay is over: what came live meanwhile follows, then everything goes straight out. */
  goLive(): void {
    const held = this.held ?? [];
    this.held = null;
    for (const item of held) this.deliver(item);
  }

  /** Sends a named event that sets the client's last event id to the cursor. */
  event(name: string, data: unknown): void {
    this.write(`event: ${name}\nid: ${this.cursor}\ndata: ${JSON.stringify(data)}\n\n`, this.cursor);
  }

  /** A comment, and the cursor as the last event id if it moved past notices the caller did not see. */
  heartbeat(): void {
    const id = this.lastIdSent === this.cursor ? '' : `id: ${this.cursor}\n`;
    this.write(`: heartbeat\n${id}\n`, this.cursor);
  }

  raw(text: string): void {
    this.write(text, null);
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.held = null;
    this.onClose(this);
    if (!this.res.writableEnded) this.res.end();
  }

  private write(text: string, id: bigint | null): void {
    if (this.closed) return;
    if (this.res.writableLength > MAX_BUFFERED_BYTES) {
      this.close();
      return;
    }
    this.res.write(text);
    if (id !== null) this.lastIdSent = id;
  }
}
