/**
 * The HTTP load generator, run as its own process so that it does not share the
 * server's event loop: `node load-generator.js <url> <seconds> <clients> <token> <bodyJson>`.
 * Each client sends POST requests back to back over a keep-alive connection; the
 * process prints one JSON line: requests acknowledged (2xx), errors, latency percentiles,
 * every latency (ms, sorted) so that slices of one benchmark can be pooled, and its own CPU.
 */
import { Agent, request } from 'node:http';
import { percentile } from './bench-harness';

interface LoadResult {
  ok: number;
  errors: number;
  seconds: number;
  p50Ms: number;
  p99Ms: number;
  statuses: Record<string, number>;
  latenciesMs: number[];
  /** CPU this process spent sending the requests and reading the answers. */
  cpuMs: number;
}

const [url, secondsArg, clientsArg, token, body] = process.argv.slice(2);
const seconds = Number(secondsArg);
const clients = Number(clientsArg);
const agent = new Agent({ keepAlive: true, maxSockets: clients });
const payload = Buffer.from(body, 'utf8');

function post(): Promise<number> {
  return new Promise((resolve) => {
    const req = request(
      url,
      {
        method: 'POST',
        agent,
        headers: {
          'content-type': 'application/json',
          'content-length': payload.length,
          ...(token ? { authorization: `Bearer ${token}` } : {}),
        },
      },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      },
    );
    req.on('error', () => resolve(0));
    req.end(payload);
  });
}

async function main(): Promise<void> {
  const latencies: number[] = [];
  const statuses: Record<string, number> = {};
  let ok = 0;
  let errors = 0;
  const cpu = process.cpuUsage();
  const start = process.hrtime.bigint();
  const end = start + BigInt(Math.round(seconds * 1e9));
  const client = async () => {
    while (process.hrtime.bigint() < end) {
      const sent = process.hrtime.bigint();
      const status = await post();
      latencies.push(Number(process.hrtime.bigint() - sent) / 1e6);
      statuses[status] = (statuses[status] ?? 0) + 1;
      if (status >= 200 && status < 300) ok += 1;
      else errors += 1;
    }
  };
  await Promise.all(Array.from({ length: clients }, client));
  const elapsed = Number(process.hrtime.bigint() - start) / 1e9;
  const used = process.cpuUsage(cpu);
  latencies.sort((a, b) => a - b);
  const result: LoadResult = {
    ok,
    errors,
    seconds: elapsed,
    p50Ms: percentile(latencies, 0.5),
    p99Ms: percentile(latencies, 0.99),
    statuses,
    latenciesMs: latencies.map((ms) => Math.round(ms * 100) / 100),
    cpuMs: (used.user + used.system) / 1000,
  };
  process.stdout.write(JSON.stringify(result) + '\n');
  agent.destroy();
}

void main();
