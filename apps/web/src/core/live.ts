/**
 * Live updates from `GET /api/v1/live` (server-sent events), read with fetch() so that the
 * token goes in the Authorization header (an EventSource cannot send it; a token never goes
 * in a URL). One stream per tab, opened while a page listens and closed when none does;
 * reconnects with `Last-Event-ID` (the server replays what was missed, none twice), spaced by
 * the server's `retry:` and a growing, jittered delay after failures: no polling storm.
 */
export interface LiveNotice {
  /** The ledger position, a string of digits: a read with `minPosition` of it sees the event. */
  readonly position: string;
  /** The stream's kind: `matter`, `meeting`, `publication`, `unit`, … */
  readonly kind: string;
  /** For matter streams the caller may read. */
  readonly matterId?: string;
  readonly type: string;
}

/** What a listener is told: notices, or `reset` (too much was missed: reload everything). */
export type LiveSignal = { readonly notices: readonly LiveNotice[] } | { readonly reset: string };

export interface SseMessage {
  readonly event: string;
  /** The last event id when the message was dispatched (it persists from message to message). */
  readonly id: string | null;
  readonly data: string;
}

/** The event-stream format of the HTML standard, fed chunk by chunk; keeps the unfinished tail. */
export class SseParser {
  /** The last `id:` seen (what Last-Event-ID sends on a reconnect). */
  lastId: string | null = null;
  retryMs: number | null = null;
  private buffer = '';
  private event = '';
  private data: string[] = [];

  push(chunk: string): SseMessage[] {
    this.buffer += chunk;
    const out: SseMessage[] = [];
    let end: number;
    while ((end = this.buffer.search(/\r\n|\r|\n/)) >= 0) {
      // A lone \r at the end of a chunk may be the start of \r\n: wait for the next chunk.
      if (this.buffer[end] === '\r' && end === this.buffer.length - 1) break;
      const line = this.buffer.slice(0, end);
      this.buffer = this.buffer.slice(end + (this.buffer.startsWith('\r\n', end) ? 2 : 1));
      this.line(line, out);
    }
    return out;
  }

  private line(line: string, out: SseMessage[]): void {
    if (line === '') {
      if (this.data.length > 0)
        out.push({ event: this.event || 'message', id: this.lastId, data: this.data.join('\n') });
      this.event = '';
      this.data = [];
      return;
    }
    if (line.startsWith(':')) return;
    const colon = line.indexOf(':');
    const field = colon < 0 ? line : line.slice(0, colon);
    const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
    if (field === 'data') this.data.push(value);
    else if (field === 'event') this.event = value;
    else if (field === 'id' && !value.includes('\0')) this.lastId = value;
    else if (field === 'retry' && /^\d+$/.test(value)) this.retryMs = Number(value);
  }
}

type Fetch = (input: string, init?: RequestInit) => Promise<Response>;

export interface LiveTimers {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
  random(): number;
}

const browserTimers: LiveTimers = {
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
  random: () => Math.random(),
};

/** Delay before reconnecting after `failures` failures in a row: the server's retry, doubled each time, ≤ 60 s, ±25 %. */
export function reconnectDelay(retryMs: number, failures: number, random: number): number {
  const base = Math.min(60_000, retryMs * 2 ** Math.max(0, failures - 1));
  return Math.round(base * (0.75 + random * 0.5));
}

export type LiveState = 'connecting' | 'live' | 'waiting' | 'stopped';

export class LiveConnection {
  private listeners = new Set<(signal: LiveSignal) => void>();
  private stateListeners = new Set<(state: LiveState) => void>();
  private abort: AbortController | null = null;
  private timer: unknown = null;
  private lastEventId: string | null = null;
  private retryMs = 3000;
  private failures = 0;
  private current: LiveState = 'stopped';

  constructor(
    private readonly token: () => string | null,
    private readonly fetchFn: Fetch = (input, init) => fetch(input, init),
    private readonly timers: LiveTimers = browserTimers,
    private readonly url = '/api/v1/live',
  ) {}

  get state(): LiveState {
    return this.current;
  }

  /** Listens; the stream opens with the first listener and closes after the last. Returns the unsubscribe. */
  listen(listener: (signal: LiveSignal) => void): () => void {
    this.listeners.add(listener);
    if (this.listeners.size === 1) this.connect();
    return () => {
      this.listeners.delete(listener);
      if (this.listeners.size === 0) this.stop();
    };
  }

  onState(listener: (state: LiveState) => void): () => void {
    this.stateListeners.add(listener);
    return () => this.stateListeners.delete(listener);
  }

  private setState(state: LiveState): void {
    this.current = state;
    for (const listener of this.stateListeners) listener(state);
  }

  private stop(): void {
    this.abort?.abort();
    this.abort = null;
    if (this.timer !== null) this.timers.clearTimeout(this.timer);
    this.timer = null;
    this.setState('stopped');
  }

  private connect(): void {
    const token = this.token();
    if (!token || this.listeners.size === 0) return this.stop();
    const abort = new AbortController();
    this.abort = abort;
    this.setState('connecting');
    const headers: Record<string, string> = { Accept: 'text/event-stream', Authorization: `Bearer ${token}` };
    if (this.lastEventId !== null) headers['Last-Event-ID'] = this.lastEventId;
    void this.read(abort, headers).then(
      (again) => this.ended(abort, again),
      () => this.ended(abort, true),
    );
  }

  /** Reads one stream to its end; false when reconnecting would not help (401/403). */
  private async read(abort: AbortController, headers: Record<string, string>): Promise<boolean> {
    const response = await this.fetchFn(this.url, {
      headers,
      signal: abort.signal,
      credentials: 'omit',
      cache: 'no-store',
    });
    if (response.status === 401 || response.status === 403) return false;
    if (!response.ok || !response.body) return true;
    const parser = new SseParser();
    const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return true;
      const messages = parser.push(value);
      if (parser.retryMs !== null) this.retryMs = parser.retryMs;
      if (parser.lastId !== null) this.lastEventId = parser.lastId;
      this.dispatch(messages);
    }
  }

  private dispatch(messages: readonly SseMessage[]): void {
    const notices: LiveNotice[] = [];
    for (const message of messages) {
      if (message.event === 'ready') {
        this.failures = 0;
        this.setState('live');
      } else if (message.event === 'reset') {
        if (notices.length) this.tell({ notices: notices.splice(0) });
        this.tell({ reset: safePosition(message.data) });
      } else if (message.event === 'message') {
        try {
          notices.push(JSON.parse(message.data) as LiveNotice);
        } catch {
          // not a notice: ignored
        }
      }
    }
    if (notices.length) this.tell({ notices });
  }

  private tell(signal: LiveSignal): void {
    for (const listener of [...this.listeners]) {
      try {
        listener(signal);
      } catch {
        // one page's listener never stops another's
      }
    }
  }

  private ended(abort: AbortController, again: boolean): void {
    if (this.abort !== abort) return; // stopped, or superseded
    this.abort = null;
    if (!again || this.listeners.size === 0) return this.stop();
    this.failures += 1;
    this.setState('waiting');
    this.timer = this.timers.setTimeout(
      () => {
        this.timer = null;
        this.connect();
      },
      reconnectDelay(this.retryMs, this.failures, this.timers.random()),
    );
  }
}

function safePosition(data: string): string {
  try {
    const parsed = JSON.parse(data) as { position?: unknown };
    return typeof parsed.position === 'string' ? parsed.position : '';
  } catch {
    return '';
  }
}

export interface LiveHandlers {
  /** A notice of an event the read models have applied (and this principal may read). */
  onNotice(notice: LiveNotice): void;
  /** Too much was missed: reload the page's data. */
  onReset?(): void;
}

/** Follows the feed with its own stream until the returned function is called (a page's onDispose). */
export function followLive(token: () => string | null, handlers: LiveHandlers): () => void {
  return new LiveConnection(token).listen((signal) => {
    if ('reset' in signal) handlers.onReset?.();
    else for (const notice of signal.notices) handlers.onNotice(notice);
  });
}
