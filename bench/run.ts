/**
 * `npm run bench`: every benchmark against a baseline measured in the same run.
 * BENCH_SCALE (default 1) scales the sizes down for a quick look, e.g. BENCH_SCALE=0.1.
 */
import { benchLedger } from './ledger.bench';
import { log, machine, report } from './bench-harness';

async function main(): Promise<void> {
  const scale = Number(process.env.BENCH_SCALE ?? '1');
  if (!(scale > 0 && scale <= 1)) throw new Error('BENCH_SCALE must be in (0, 1]');
  log(`petition-ledger benchmarks — ${machine()} — ${new Date().toISOString()}`);
  log('');
  log('Ledger (SQLite adapter):');
  const figures = await benchLedger(
    { singles: Math.round(2000 * scale), batched: Math.round(200_000 * scale), logSize: Math.round(1_000_000 * scale / 100) * 100 },
    log,
  );
  figures.forEach((f) => log(report(f)));
}

main().catch((error) => {
  process.stderr.write(`${error.stack ?? error}\n`);
  process.exit(1);
});
