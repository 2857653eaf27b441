import { LiveConnection, LiveSignal, LiveTimers, reconnectDelay, SseParser } from './live';

describe('SseParser (the event-stream format of the HTML standard)', () => {
  it('assembles messages across chunks, keeps the last id and retry, skips comments', () => {
    const parser = new SseParser();
    expect(parser.push('retry: 3000\n\n: heart')).toEqual([]);
    expect(parser.retryMs).toBe(3000);
    expect(parser.push('beat\nid: 41\nda')).toEqual([]);
    expect(parser.push('ta: {"position":"41"}\r\n\r\nevent: ready\nid: 41\ndata: a\ndata: b\n\n')).toEqual([
      { event: 'message', id: '41', data: '{"position":"41"}' },
      { event: 'ready', id: '41', data: 'a\nb' },
    ]);
    // An id with no data sets the last event id without dispatching anything (the server's heartbeat does that).
    expect(parser.push(': heartbeat\nid: 57\n\n')).toEqual([]);
    expect(parser.lastId).toBe('57');
    // A \r\n split across chunks is one line end.
    expect(parser.push('data: x\r')).toEqual([]);
    expect(parser.push('\n\r\n')).toEqual([{ event: 'message', id: '57', data: 'x' }]);
  });

  it('keeps the last id for later messages, and names a reset', () => {
    const parser = new SseParser();
    expect(parser.push('event: ready\nid: 7\n\ndata: a\ndata: b\n\n')).toEqual([
      { event: 'message', id: '7', data: 'a\nb' },
    ]);
    expect(parser.push('event: reset\ndata: {"position":"42","reason":"too-far-behind"}\n\n')).toEqual([
      { event: 'reset', id: '7', data: '{"position":"42","reason":"too-far-behind"}' },
    ]);
  });
});

describe('reconnectDelay', () => {
  it('starts at the server’s retry, doubles per failure up to a minute, ±25 %', () => {
    expect(reconnectDelay(3000, 1, 0.5)).toBe(3000);
    expect(reconnectDelay(3000, 3, 0.5)).toBe(12000);
    expect(reconnectDelay(3000, 20, 0.5)).toBe(60000);
    expect(reconnectDelay(3000, 1, 0)).toBe(2250);
    expect(reconnectDelay(3000, 1, 1)).toBe(3750);
  });
});

/** A stream of the given chunks as a fetch Response. */
function streamed(chunks: string[], status = 200): Response {
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(new TextEncoder().encode(chunk));
      controller.close();
    },
  });
  return new Response(body, { status, headers: { 'Content-Type': 'text/event-stream' } });
}

function manualTimers(): LiveTimers & { fire(): void; pending: number[] } {
  const queue: { fn: () => void; ms: number }[] = [];
  return {
    pending: [] as number[],
    setTimeout(fn, ms) {
      queue.push({ fn, ms });
      this.pending.push(ms);
      return queue.length;
    },
    clearTimeout() {
      queue.length = 0;
    },
    random: () => 0.5,
    fire() {
      const next = queue.shift();
      next?.fn();
    },
  };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 20));

describe('LiveConnection', () => {
  it('sends the token in the header, tells notices, and reconnects with Last-Event-ID after the server’s retry', async () => {
    const calls: { url: string; headers: Record<string, string> }[] = [];
    const responses = [
      streamed([
        'retry: 1000\n\n',
        'id: 5\ndata: {"position":"5","kind":"matter","matterId":"M-1","type":"ReplyIssued"}\n\n',
        'event: ready\nid: 5\ndata: {"position":"5"}\n\n',
      ]),
      streamed(['event: reset\nid: 9\ndata: {"position":"9","reason":"too-far-behind"}\n\n']),
    ];
    const timers = manualTimers();
    const live = new LiveConnection(
      () => 'pl_secret',
      async (url, init) => {
        calls.push({ url, headers: init?.headers as Record<string, string> });
        return responses.shift()!;
      },
      timers,
    );
    const signals: LiveSignal[] = [];
    const stop = live.listen((signal) => signals.push(signal));
    await settle();
    expect(calls[0]).toEqual({
      url: '/api/v1/live',
      headers: { Accept: 'text/event-stream', Authorization: 'Bearer pl_secret' },
    });
    expect(signals).toEqual([{ notices: [{ position: '5', kind: 'matter', matterId: 'M-1', type: 'ReplyIssued' }] }]);
    // The stream ended: one reconnection after the server's retry, resuming after the last id.
    expect(live.state).toBe('waiting');
    expect(timers.pending).toEqual([1000]);
    timers.fire();
    await settle();
    expect(calls[1].headers['Last-Event-ID']).toBe('5');
    expect(calls[1].url).not.toContain('pl_secret');
    expect(signals[1]).toEqual({ reset: '9' });
    stop();
    expect(live.state).toBe('stopped');
  });

  it('stops for good on 401 (the session is over), and opens nothing without a token', async () => {
    let fetches = 0;
    const timers = manualTimers();
    const refused = new LiveConnection(
      () => 'pl_revoked',
      async () => {
        fetches += 1;
        return new Response('{}', { status: 401 });
      },
      timers,
    );
    refused.listen(() => undefined);
    await settle();
    expect(fetches).toBe(1);
    expect(refused.state).toBe('stopped');
    expect(timers.pending).toEqual([]);
    const anonymous = new LiveConnection(
      () => null,
      async () => {
        fetches += 1;
        return streamed([]);
      },
    );
    anonymous.listen(() => undefined);
    await settle();
    expect(fetches).toBe(1);
  });
});
