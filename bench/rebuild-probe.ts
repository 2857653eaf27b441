/**
 * A rebuild over a log kept between runs, for profiling (not part of `npm run bench`):
 *
 *   node dist/bench/rebuild-probe.js build <dir> <events>   # the demo city, and copies of it up to <events>
 *   node --cpu-prof dist/bench/rebuild-probe.js rebuild <dir> demo|large
 *
 * Prints the plain read of the same log, the rebuild's wall and CPU time and its peak RSS.
 * PROBE_ONLY=matters,timeline rebuilds those read models alone; PROBE_BATCH sets the batch size;
 * PROBE_PLAIN=0 skips the plain read; PROBE_RSS=1 prints memory after every batch (after a full
 * collection when run with --expose-gc); PROBE_SNAPSHOT=<events> writes a heap snapshot then.
 */
import { dataFiles, loadConfig, clockSettingsFrom } from '@app/runtime';
import { join } from 'node:path';
import { writeHeapSnapshot } from 'node:v8';
import { SqliteEventStore, START } from '@app/ledger';
import { rebuildReadModels, readModelProjections } from '@app/projections';
import { runDemo } from '../apps/cli/src/demo/run-demo';
import { withPeakRss } from './bench-harness';
import { plainRead, replicate } from './projections.bench';

async function main(): Promise<void> {
  const [mode, dir, arg] = process.argv.slice(2);
  const demoConfig = loadConfig({ LEDGER_DATA_DIR: join(dir, 'demo'), LEDGER_LOG_LEVEL: 'silent' });
  const largeConfig = loadConfig({ LEDGER_DATA_DIR: join(dir, 'large'), LEDGER_LOG_LEVEL: 'silent' });
  const say = (line: string) => process.stdout.write(`${line}\n`);
  if (mode === 'build') {
    await runDemo({ config: demoConfig, seed: 1, year: 2022, scale: 1, readModels: false });
    const demo = SqliteEventStore.open({ file: dataFiles(demoConfig).ledger, readonly: true });
    const large = SqliteEventStore.open({ file: dataFiles(largeConfig).ledger });
    const source = await demo.readAll(START, Number.MAX_SAFE_INTEGER);
    await replicate(source, large, Number(arg), say);
    await large.close();
    await demo.close();
    return;
  }
  const config = arg === 'demo' ? demoConfig : largeConfig;
  const store = SqliteEventStore.open({ file: dataFiles(config).ledger, readonly: true });
  const batchSize = Number(process.env.PROBE_BATCH ?? '2000');
  if (process.env.PROBE_PLAIN !== '0') {
    const read = await plainRead(store, batchSize);
    say(
      `plain read: ${read.count} events in ${read.seconds.toFixed(2)} s (${Math.round(read.count / read.seconds)}/s)`,
    );
  }
  const cpu = process.cpuUsage();
  const { peakMb, result } = await withPeakRss(() =>
    rebuildReadModels({
      store,
      file: dataFiles(config).readModels,
      projections: readModelProjections(clockSettingsFrom(config)).filter(
        (p) => !process.env.PROBE_ONLY || process.env.PROBE_ONLY.split(',').includes(p.name),
      ),
      batchSize,
      onProgress: (p) => {
        if (process.env.PROBE_SNAPSHOT && p.applied === Number(process.env.PROBE_SNAPSHOT))
          say(`snapshot ${writeHeapSnapshot('/tmp/hrb-prof/rebuild.heapsnapshot')}`);
        if (process.env.PROBE_RSS === '1') {
          const m = process.memoryUsage();
          say(
            `  ${p.applied} rss ${(m.rss / 2 ** 20).toFixed(0)} heap ${(m.heapUsed / 2 ** 20).toFixed(0)}/${(m.heapTotal / 2 ** 20).toFixed(0)} ext ${(m.external / 2 ** 20).toFixed(0)} MB`,
          );
        }
      },
    }),
  );
  const used = process.cpuUsage(cpu);
  say(
    `rebuild: ${result.events} events in ${result.seconds.toFixed(2)} s (${Math.round(result.events / result.seconds)}/s), ` +
      `CPU ${((used.user + used.system) / 1e6).toFixed(2)} s, peak RSS ${peakMb.toFixed(0)} MB`,
  );
  await store.close();
}

main().catch((error) => {
  process.stderr.write(`${error.stack ?? error}\n`);
  process.exit(1);
});
