import { Command, CommandRunner, Option } from 'nest-commander';
import { canonicalJson, START } from '@app/ledger';
import { cliConfig } from '../cli-config';
import { fail } from '../cli-errors';
import { openLedgerForReading } from './open-ledger';

interface EventsOptions {
  from?: bigint;
  limit?: number;
}

@Command({ name: 'events', description: 'print the log as NDJSON (one canonical event per line)' })
export class EventsCommand extends CommandRunner {
  async run(_args: string[], options: EventsOptions): Promise<void> {
    const store = openLedgerForReading(cliConfig());
    let next = options.from ?? START;
    let remaining = options.limit ?? Number.POSITIVE_INFINITY;
    try {
      while (remaining > 0) {
        const batch = await store.readAll(next, Math.min(1000, remaining));
        if (batch.length === 0) break;
        const lines = batch.map((event) => canonicalJson(event)).join('\n') + '\n';
        if (!process.stdout.write(lines)) await new Promise((r) => process.stdout.once('drain', r));
        remaining -= batch.length;
        next = batch[batch.length - 1].position + 1n;
      }
    } finally {
      await store.close();
    }
  }

  @Option({ flags: '--from <position>', description: 'first position to print (default: the start)' })
  parseFrom(value: string): bigint {
    if (!/^\d+$/.test(value)) fail(`--from expects a position (digits), got ${JSON.stringify(value)}`);
    return BigInt(value);
  }

  @Option({ flags: '--limit <n>', description: 'print at most n events' })
  parseLimit(value: string): number {
    if (!/^[1-9]\d*$/.test(value)) fail(`--limit expects a positive integer, got ${JSON.stringify(value)}`);
    return Number(value);
  }
}
