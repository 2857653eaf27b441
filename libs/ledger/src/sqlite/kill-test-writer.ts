/**
 * Child process of the durability test: appends in a loop and, only after each
 * append has returned, records the acknowledged position and payload digest in a
 * side file. The parent kills it with SIGKILL at random moments.
 */
import { appendFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { SqliteEventStore } from '../index';

const [file, sideFile] = process.argv.slice(2);
// Tells the parent that start-up (module loading, slow on a loaded machine) is over: its kill timer starts now.
process.stdout.write('loaded\n');
const store = SqliteEventStore.open({ file });

async function main(): Promise<void> {
  for (let i = 0; ; i++) {
    const data = { i, pid: process.pid, text: '信访事项'.repeat(1 + (i % 50)) };
    const result = await store.append(
      `kill-${i % 7}`,
      [
        {
          type: 'KillTestEvent',
          version: 1,
          occurredAt: '2022-04-03T09:30:00+08:00',
          actor: { id: 'kill-test', role: 'admin' },
          data,
        },
      ],
      'any',
    );
    const digest = createHash('sha256').update(JSON.stringify(data)).digest('hex');
    appendFileSync(sideFile, `${result.position} ${digest}\n`);
  }
}

void main();
