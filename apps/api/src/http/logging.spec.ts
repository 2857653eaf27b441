import { createServer, IncomingMessage, ServerResponse } from 'node:http';
import { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import pino from 'pino';
import { requestLogging } from './logging';

describe('request logs', () => {
  it('never carry the bearer token, cookies or the query string (where a careless client may put a token)', async () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(chunk.toString());
        done();
      },
    });
    // The app's request logging (createApp installs it first) on a logger writing to the sink.
    const logging = requestLogging(pino({ level: 'info' }, sink));
    const server = createServer((req: IncomingMessage, res: ServerResponse) => {
      logging(req, res, () => {
        res.statusCode = 204;
        res.end();
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    try {
      await fetch(`http://127.0.0.1:${port}/api/v1/principals/me?token=secret-in-query`, {
        headers: { Authorization: 'Bearer pl_secret-token-value', Cookie: 'session=secret-cookie' },
      });
      await new Promise((resolve) => setTimeout(resolve, 50));
    } finally {
      server.close();
    }
    const log = lines.join('');
    expect(log).toContain('/api/v1/principals/me');
    expect(log).not.toContain('secret-token-value');
    expect(log).not.toContain('secret-in-query');
    expect(log).not.toContain('secret-cookie');
    expect(log).not.toMatch(/authorization/i);
  });
});
