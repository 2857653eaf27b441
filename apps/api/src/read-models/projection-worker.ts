/**
 * The API's projection worker: a worker thread that follows the log and keeps the read
 * models and the audit tree, with its own connections to the ledger, `read-models.sqlite`
 * and `audit.sqlite` (WAL: the main thread reads them meanwhile). It runs the very
 * runners the server ran in-process before (LiveReadModels, which follows rebuilds, and
 * a ProjectionRunner over the audit tree), so their guarantees (rows and checkpoint in
 * one transaction) are unchanged; only the event loop they take turns on is another one.
 * It reports each committed batch to the main thread (projection-thread.ts), which
 * answers reads, waits for positions and signs checkpoints.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { AuditStore, auditTreeProjection, publishedCheckpointsFor } from '@app/audit';
import { LiveReadModels, ProjectionRunner, readModelProjections } from '@app/projections';
import { clockSettingsFrom, dataFiles, SystemClock } from '@app/runtime';
import { openConfiguredStore } from '../ledger/configured-store';
import { FromWorker, ProjectionWorkerData, ToWorker } from './projection-thread-messages';

const port = parentPort!;
const { config, durableMark } = workerData as ProjectionWorkerData;
const send = (message: FromWorker) => port.postMessage(message);
const failure = (source: 'readModels' | 'audit') => (error: unknown) =>
  send({ kind: 'error', source, message: (error as Error).message ?? String(error), stack: (error as Error).stack });

async function main(): Promise<void> {
  // This thread never appends: the store's clock (recordedAt) is never read here.
  const store = await openConfiguredStore(config, new SystemClock(config.timeZone), { durableMark });
  const readModels: LiveReadModels = new LiveReadModels(
    store,
    dataFiles(config).readModels,
    readModelProjections(clockSettingsFrom(config)),
    {
      onBatch: () => send({ kind: 'readModels', report: readModelsReport() }),
      onSwap: () => send({ kind: 'swapped', report: readModelsReport() }),
      onApplied: (events) =>
        send({
          kind: 'applied',
          events: events.map((e) => ({
            position: e.position.toString(),
            stream: e.stream,
            type: e.type,
            recordedAt: e.recordedAt,
          })),
        }),
      onError: failure('readModels'),
    },
  );
  const audit = AuditStore.open(dataFiles(config).audit);
  const auditRunner: ProjectionRunner = new ProjectionRunner(
    store,
    audit.db,
    [auditTreeProjection(audit, publishedCheckpointsFor(config))],
    {
      pollIntervalMs: 100,
      onBatch: () => send({ kind: 'audit', report: auditReport() }),
      onError: failure('audit'),
    },
  );

  function readModelsReport() {
    return {
      position: readModels.position.toString(),
      applied: readModels.applied,
      generation: readModels.generation,
    };
  }

  function auditReport() {
    return { position: auditRunner.position.toString(), applied: auditRunner.applied };
  }

  let stopping: Promise<void> | null = null;

  port.on('message', (message: ToWorker) => {
    switch (message.kind) {
      case 'poke':
        // The audit tree is not poked: it takes what its poll finds, in batches, as it did in-process.
        readModels.poke();
        return;
      case 'catchUp': {
        const runner = message.target === 'audit' ? auditRunner : readModels;
        runner.catchUp().then(
          (applied) => send({ kind: 'caughtUp', id: message.id, applied }),
          (error: unknown) => send({ kind: 'caughtUp', id: message.id, applied: 0, error: (error as Error).message }),
        );
        return;
      }
      case 'stop':
        stopping ??= (async () => {
          await Promise.all([readModels.close(), auditRunner.stop()]);
          audit.close();
          await store.close();
          send({ kind: 'stopped' });
          port.close();
        })();
        return;
    }
  });

  send({ kind: 'ready', readModels: readModelsReport(), audit: auditReport() });
  readModels.start();
  auditRunner.start();
}

// A failure to open rejects unhandled, which ends the thread: the main thread sees it fail to start.
void main();
