/**
 * Child process of the projection runner's kill test: runs the API's projections over
 * a ledger into a read-model file, in small batches, until it is killed. With a kill
 * index it SIGKILLs itself in the middle of applying that event (inside the batch's
 * transaction, after some projections have written their rows and before the others);
 * otherwise the parent kills it at a random moment.
 *
 *   node -r ./test/support/register-ts.js projection-runner-child.ts <dataDir> <batchSize> [killAtIndex]
 */
import { dataFiles, loadConfig, clockSettingsFrom } from '@app/runtime';
import { writeSync } from 'node:fs';
import { join } from 'node:path';
import { Projection, SqliteEventStore } from '@app/ledger';
import { openReadModelDb, ProjectionRunner, readModelProjections } from '@app/projections';
import { appliedCounter } from './applied-counter';

const [dataDir, batch, killAt] = process.argv.slice(2);
const config = loadConfig({ LEDGER_DATA_DIR: dataDir, LEDGER_LOG_LEVEL: 'silent' });
const projections = [...readModelProjections(clockSettingsFrom(config)), appliedCounter];
const killIndex = killAt === undefined ? -1 : Number(killAt);
const middle = Math.floor(projections.length / 2);
// Same name and version as the real one, so the file is not taken for another build.
const wired: Projection[] = projections.map((p, i) =>
  i !== middle
    ? p
    : {
        ...p,
        apply(event, ctx) {
          p.apply(event, ctx);
          if (ctx.index === killIndex) process.kill(process.pid, 'SIGKILL');
        },
      },
);

async function main(): Promise<void> {
  const store = SqliteEventStore.open({ file: join(dataDir, 'ledger.sqlite'), readonly: true });
  const { db } = openReadModelDb(dataFiles(config).readModels, wired);
  const runner = new ProjectionRunner(store, db, wired, { batchSize: Number(batch) });
  writeSync(1, `ready ${runner.applied}\n`);
  await runner.catchUp();
  writeSync(1, `done ${runner.applied}\n`);
  db.close();
  await store.close();
}

void main();
