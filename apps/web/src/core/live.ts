/**
 * The live feed (GET /api/v1/live, server-sent events) read with fetch streaming, so that the
 * token goes in the Authorization header (an EventSource cannot send it; a URL must not hold
 * it). Reconnects after the server's `retry:` with Last-Event-ID, so nothing is missed or told twice.
 */
export interface LiveNotice {
  readonly position: string;
  readonly kind: string;
  readonly matterId?: string;
  readonly type: string;
}

export interface SseMessage {
  readonly event: string;
  readonly id: string | null;
  readonly data: string;
}

/** Splits a text/event-stream into messages; keeps the unfinished tail for the next chunk. */
export class SseParser {
  private buffer = '';
  private event = '';
  private data: string[] = [];
  private id: string | null = null;
  /** The last `id:` seen (what Last-Event-ID sends on a reconnect). */
  lastId: string | null = null;
  retryMs: number | null = null;

  push(chunk: string): SseMessage[] {
    this.buffer += chunk;
    const out: SseMessage[] = [];
    let newline: number;
    while ((newline = this.buffer.search(/\r\n|\n|\r/)) >= 0) {
      const line = this.buffer.slice(0, newline);
      this.buffer = this.buffer.slice(newline + (this.buffer.startsWith('\r\n', newline) ? 2 : 1));
      if (line === '') {
        if (this.data.length) out.push({ event: this.event || 'message', id: this.id, data: this.data.join('\n') });
        this.event = '';
        this.data = [];
        continue;
      }
      if (line.startsWith(':')) continue;
      const colon = line.indexOf(':');
      const field = colon < 0 ? line : line.slice(0, colon);
      const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
      if (field === 'data') this.data.push(value);
      else if (field === 'event') this.event = value;
      else if (field === 'id') {
        this.id = value;
        this.lastId = value;
      } else if (field === 'retry' && /^\d+$/.test(value)) this.retryMs = Number(value);
    }
    return out;
  }
}

export interface LiveHandlers {
  /** A notice of an event the read models have applied (and this principal may read). */
  onNotice(notice: LiveNotice): void;
  /** Too much was missed: reload the page's data. */
  onReset?(): void;
}

/** Follows the feed until the returned function is called (a page's onDispose). */
export function followLive(token: () => string | null, handlers: LiveHandlers): () => void {
  let stopped = false;
  let controller: AbortController | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;
  const parser = new SseParser();
  const connect = async () => {
    if (stopped) return;
    const bearer = token();
    if (!bearer) return;
    controller = new AbortController();
    const headers: Record<string, string> = { Accept: 'text/event-stream', Authorization: `Bearer ${bearer}` };
    if (parser.lastId) headers['Last-Event-ID'] = parser.lastId;
    try {
      const response = await fetch('/api/v1/live', { headers, signal: controller.signal, credentials: 'omit' });
      // Not there (an older server), refused or failing: no live updates, the page still works.
      if (!response.ok || !response.body) return;
      const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        for (const message of parser.push(value)) {
          if (message.event === 'message') {
            try {
              handlers.onNotice(JSON.parse(message.data) as LiveNotice);
            } catch {
              // a malformed notice is skipped
            }
          } else if (message.event === 'reset') handlers.onReset?.();
        }
      }
    } catch {
      if (stopped) return;
    }
    if (!stopped) timer = setTimeout(() => void connect(), parser.retryMs ?? 3000);
  };
  void connect();
  return () => {
    stopped = true;
    if (timer) clearTimeout(timer);
    controller?.abort();
  };
}
