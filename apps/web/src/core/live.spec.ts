import { SseParser } from './live';

describe('the live feed parser (text/event-stream)', () => {
  it('splits messages across chunks, keeps ids for Last-Event-ID, skips comments', () => {
    const parser = new SseParser();
    expect(
      parser.push(
        'retry: 3000\n\nid: 41\ndata: {"position":"41","kind":"matter","matterId":"M1","type":"ReplyIssued"}\n',
      ),
    ).toEqual([]);
    const first = parser.push('\n: heartbeat\n\nid: 42\nda');
    expect(first).toEqual([
      { event: 'message', id: '41', data: '{"position":"41","kind":"matter","matterId":"M1","type":"ReplyIssued"}' },
    ]);
    expect(parser.retryMs).toBe(3000);
    const second = parser.push('ta: {"position":"42"}\r\n\r\nevent: reset\ndata: {"position":"42","reason":"gap"}\n\n');
    expect(second).toEqual([
      { event: 'message', id: '42', data: '{"position":"42"}' },
      { event: 'reset', id: '42', data: '{"position":"42","reason":"gap"}' },
    ]);
    expect(parser.lastId).toBe('42');
  });

  it('joins multi-line data and ignores a message without data', () => {
    const parser = new SseParser();
    expect(parser.push('event: ready\nid: 7\n\ndata: a\ndata: b\n\n')).toEqual([
      { event: 'message', id: '7', data: 'a\nb' },
    ]);
  });
});
