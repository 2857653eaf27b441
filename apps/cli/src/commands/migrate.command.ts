import { Command, CommandRunner, Option } from 'nest-commander';
import { auditLeafBytes, leafHash, toHex, CompactRange } from '@app/audit';
import { EventStore, START, copyLedger, CopyRefusedError } from '@app/ledger';
import { EsdbEventStore } from '@app/ledger/eventstoredb';
import { cliConfig } from '../cli-config';
import { exitOnCliError, fail } from '../cli-errors';
import { openEmbeddedLedger } from './open-ledger';
import { Progress, rateLine } from '../progress';

interface MigrateOptions {
  to?: string;
}

/** RFC 6962 root over the whole log, as the audit tree computes it. */
export async function auditRootOf(store: Pick<EventStore, 'readAll'>): Promise<{ size: number; root: string }> {
  const range = new CompactRange();
  let next = START;
  for (;;) {
    const page = await store.readAll(next, 1000);
    if (page.length === 0) break;
    for (const event of page) range.append(leafHash(auditLeafBytes(event, range.size)));
    next = page[page.length - 1].position + 1n;
  }
  return { size: range.size, root: toHex(range.root()) };
}

@Command({
  name: 'migrate',
  description:
    'copy the embedded ledger into EventStoreDB/KurrentDB (streams, revisions, global order, idempotency records); resumable',
})
export class MigrateCommand extends CommandRunner {
  async run(_args: string[], options: MigrateOptions): Promise<void> {
    if (!options.to) fail('migrate needs --to esdb://host:2113?… (or esdb+discover://…)');
    const config = cliConfig();
    const source = openEmbeddedLedger(config);
    const target = EsdbEventStore.fromUrl(options.to);
    const progress = new Progress();
    const started = performance.now();
    try {
      const report = await copyLedger(
        {
          readAll: (from, limit) => source.readAll(from, limit),
          head: () => source.head(),
          idempotencyRecords: () => source.idempotencyRecords(),
        },
        target,
        {
          onProgress: ({ phase, done, total }) =>
            progress.update(
              phase === 'events'
                ? rateLine(done, total, (performance.now() - started) / 1000)
                : `${done} idempotency records`,
            ),
        },
      );
      progress.done(
        `copied ${report.copied} events (${report.alreadyCopied} were already there), ${report.idempotencyRecords} idempotency records`,
      );
      const [before, after] = await Promise.all([auditRootOf(source), auditRootOf(target)]);
      process.stdout.write(JSON.stringify({ ...report, source: before, target: after }, null, 2) + '\n');
      if (before.root !== after.root || before.size !== after.size)
        fail('the audit root of the copy differs from the source');
    } catch (error) {
      exitOnCliError(error, [CopyRefusedError]);
    } finally {
      await source.close();
      await target.close();
    }
  }

  @Option({ flags: '--to <url>', description: 'the EventStoreDB/KurrentDB connection string to copy into' })
  parseTo(value: string): string {
    if (!/^esdb(\+discover)?:\/\/[^/?]+/.test(value)) fail(`--to expects esdb://… or esdb+discover://…`);
    return value;
  }
}
