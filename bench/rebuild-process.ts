/**
 * A rebuild of every read model in a process of its own, as `ledger rebuild` runs: its
 * peak RSS is then the rebuild's, not that of the benchmark that built a large log first
 * (whose heap the JavaScript engine keeps long after the log is written).
 *
 *   node dist/bench/rebuild-process.js <data dir> <batch size>
 *
 * prints progress lines, then one `result {...}` line that `rebuildInOwnProcess` reads.
 */
import { clockSettingsFrom, dataFiles, loadConfig } from '@app/runtime';
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { SqliteEventStore } from '@app/ledger';
import { rebuildReadModels, readModelProjections } from '@app/projections';
import { withPeakRss } from './bench-harness';

export interface OwnProcessRebuild {
  events: number;
  seconds: number;
  peakMb: number;
}

const RESULT = 'result ';

/** Rebuilds the read models of `dataDir` in a child process; `progress` gets its progress lines. */
export function rebuildInOwnProcess(
  dataDir: string,
  batchSize: number,
  progress: (line: string) => void,
): Promise<OwnProcessRebuild> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [__filename, dataDir, String(batchSize)], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let result: OwnProcessRebuild | null = null;
    createInterface({ input: child.stdout }).on('line', (line) => {
      if (line.startsWith(RESULT)) result = JSON.parse(line.slice(RESULT.length)) as OwnProcessRebuild;
      else progress(line);
    });
    child.on('error', reject);
    child.on('close', (code) => {
      if (code === 0 && result) resolve(result);
      else reject(new Error(`the rebuild process exited with ${code}`));
    });
  });
}

async function main(): Promise<void> {
  const [dataDir, batch] = process.argv.slice(2);
  const config = loadConfig({ LEDGER_DATA_DIR: dataDir, LEDGER_LOG_LEVEL: 'silent' });
  const store = SqliteEventStore.open({ file: dataFiles(config).ledger, readonly: true });
  try {
    let shown = 0;
    const { peakMb, result } = await withPeakRss(() =>
      rebuildReadModels({
        store,
        file: dataFiles(config).readModels,
        projections: readModelProjections(clockSettingsFrom(config)),
        batchSize: Number(batch),
        onProgress: (p) => {
          if (p.seconds - shown < 10) return;
          shown = p.seconds;
          process.stdout.write(
            `  rebuilding: ${p.applied.toLocaleString('en-US')} / ${p.total.toLocaleString('en-US')} events\n`,
          );
        },
      }),
    );
    const own: OwnProcessRebuild = { events: result.events, seconds: result.seconds, peakMb };
    process.stdout.write(`${RESULT}${JSON.stringify(own)}\n`);
  } finally {
    await store.close();
  }
}

if (require.main === module) {
  main().catch((error) => {
    process.stderr.write(`${error.stack ?? error}\n`);
    process.exit(1);
  });
}
