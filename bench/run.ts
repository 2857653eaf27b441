/**
 * `npm run bench`: every benchmark against a baseline measured in the same run.
 * BENCH_SCALE (default 1) scales the sizes down for a quick look, e.g. BENCH_SCALE=0.1.
 * BENCH_REPORTS=0 leaves out the report latencies measured on the logs the projections
 * benchmark loads (overview, bulletin, ranking): the rebuild figures alone, sooner.
 *
 * Projections only: BENCH_LOG_DIR=<dir> keeps the demo city and the large log (and their
 * read models) in <dir> and reuses them on the next run with the same BENCH_SCALE (a log of
 * another size there is an error: use another directory); BENCH_SKIP_REBUILD=1 then measures
 * no rebuild, only the reports on read models that are current (others are rebuilt first,
 * unmeasured), for iterating on report latency.
 */
import { systemNow } from '@app/runtime';
import { benchAudit } from './audit.bench';
import { benchHttpWrites } from './http-writes.bench';
import { benchLedger } from './ledger.bench';
import { benchOverview } from './overview.bench';
import { benchProjections, LoadedLogBench } from './projections.bench';
import { log, machine, report } from './bench-harness';

async function main(): Promise<void> {
  const scale = Number(process.env.BENCH_SCALE ?? '1');
  if (!(scale > 0 && scale <= 1)) throw new Error('BENCH_SCALE must be in (0, 1]');
  // BENCH_ONLY=http,ledger,audit,projections runs a subset (default: all).
  const only = new Set((process.env.BENCH_ONLY ?? 'http,ledger,audit,projections').split(',').map((s) => s.trim()));
  log(`petition-ledger benchmarks — ${machine()} — ${systemNow().toISOString()}`);
  log('');
  if (only.has('http')) {
    log('HTTP writes (load generator in its own process):');
    const figures = await benchHttpWrites({ seconds: Math.max(3, Math.round(15 * scale)), clients: 16 }, log);
    figures.forEach((f) => log(report(f)));
    log('');
  }
  if (only.has('ledger')) {
    log('Ledger (SQLite adapter):');
    const figures = await benchLedger(
      {
        singles: Math.round(2000 * scale),
        batched: Math.round(200_000 * scale),
        logSize: Math.round((1_000_000 * scale) / 100) * 100,
      },
      log,
    );
    figures.forEach((f) => log(report(f)));
    log('');
  }
  if (only.has('audit')) {
    log('Audit (Merkle tree, proofs, verification):');
    const audit = await benchAudit({ events: Math.round((1_000_000 * scale) / 100) * 100, proofs: 10_000 }, log);
    audit.forEach((f) => log(report(f)));
    log('');
  }
  if (only.has('projections')) {
    log('Projections (read models: rebuild rate against a plain read of the same log):');
    // Benchmarks that need loaded read models (overview latency) add themselves here: each
    // runs with the demo city loaded and with the large log (see LoadedLogBench).
    const loaded: LoadedLogBench[] = process.env.BENCH_REPORTS === '0' ? [] : [benchOverview];
    const projections = await benchProjections(
      {
        demoScale: scale,
        logSize: Math.round((1_000_000 * scale) / 100) * 100,
        keepDir: process.env.BENCH_LOG_DIR || undefined,
        skipRebuild: process.env.BENCH_SKIP_REBUILD === '1',
      },
      log,
      loaded,
    );
    projections.forEach((f) => log(report(f)));
  }
}

main().catch((error) => {
  process.stderr.write(`${error.stack ?? error}\n`);
  process.exit(1);
});
