import { request as httpRequest, IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { TestApp } from './test-app';

/** One server-sent message as a browser's parser would assemble it (comments kept apart). */
export interface SseMessage {
  event: string;
  id: string | undefined;
  data: string;
}

/**
 * A client of a text/event-stream response over a real socket: parses the stream as the
 * HTML standard does (fields, blank-line dispatch, `id` setting the last event id even when
 * nothing is dispatched) and lets a test wait for what it expects.
 */
export class SseClient {
  readonly messages: SseMessage[] = [];
  readonly comments: string[] = [];
  /** The last event id, as an EventSource would send it on reconnecting. */
  lastEventId: string | undefined;
  private waiters: Array<() => void> = [];
  private ended = false;

  private constructor(
    readonly response: IncomingMessage,
    private readonly abort: () => void,
  ) {
    let buffer = '';
    let current: { event?: string; id?: string; data: string[] } = { data: [] };
    response.setEncoding('utf8');
    response.on('data', (chunk: string) => {
      buffer += chunk;
      let newline: number;
      while ((newline = buffer.search(/\r\n|\r|\n/)) >= 0) {
        const line = buffer.slice(0, newline);
        buffer = buffer.slice(newline + (buffer.startsWith('\r\n', newline) ? 2 : 1));
        if (line === '') {
          if (current.id !== undefined) this.lastEventId = current.id;
          if (current.data.length > 0)
            this.messages.push({ event: current.event ?? 'message', id: current.id, data: current.data.join('\n') });
          current = { data: [] };
        } else if (line.startsWith(':')) {
          this.comments.push(line.slice(1).trim());
        } else {
          const colon = line.indexOf(':');
          const field = colon < 0 ? line : line.slice(0, colon);
          const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
          if (field === 'data') current.data.push(value);
          else if (field === 'event') current.event = value;
          else if (field === 'id') current.id = value;
        }
      }
      this.wake();
    });
    response.on('end', () => {
      this.ended = true;
      this.wake();
    });
    response.on('error', () => undefined);
  }

  /** Opens `path` on the app's listening server with `headers`; resolves once the response head arrived. */
  static async open(t: TestApp, path: string, headers: Record<string, string>): Promise<SseClient> {
    const server = t.app.getHttpServer() as import('node:http').Server;
    if (!server.listening) await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    return new Promise((resolve, reject) => {
      const req = httpRequest({ host: '127.0.0.1', port, path, headers: { Accept: 'text/event-stream', ...headers } });
      req.on('response', (res) => resolve(new SseClient(res, () => req.destroy())));
      req.on('error', reject);
      req.end();
    });
  }

  get status(): number {
    return this.response.statusCode ?? 0;
  }

  /** The notices (unnamed messages), parsed. */
  notices(): Array<{ position: string; kind: string; matterId?: string; type: string; id?: string }> {
    return this.messages
      .filter((m) => m.event === 'message')
      .map((m) => ({ ...(JSON.parse(m.data) as { position: string; kind: string; type: string }), id: m.id }));
  }

  /** Waits until `done()` holds (checked on every chunk), failing after `timeoutMs`. */
  async until(done: () => boolean, what: string, timeoutMs = 5000): Promise<void> {
    const deadline = performance.now() + timeoutMs;
    while (!done()) {
      if (this.ended) throw new Error(`the stream ended before ${what}`);
      const left = deadline - performance.now();
      if (left <= 0) throw new Error(`timed out waiting for ${what}; got ${JSON.stringify(this.messages)}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  /** Waits for a message named `event` (after `after` messages) and returns it. */
  async next(event: string, after = 0): Promise<SseMessage> {
    const find = () => this.messages.slice(after).find((m) => m.event === event);
    await this.until(() => find() !== undefined, `a "${event}" message`);
    return find()!;
  }

  close(): void {
    this.abort();
  }

  private wake(): void {
    const waiters = this.waiters;
    this.waiters = [];
    for (const wake of waiters) wake();
  }
}
