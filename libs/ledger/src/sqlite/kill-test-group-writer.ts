/**
 * Child process of the group-commit durability test: 16 writers append at once to
 * one store (so their appends are coalesced into shared commits), each append
 * carrying three events. Only after an append has resolved is it recorded in the
 * side file; the parent kills the process with SIGKILL at random moments.
 */
import { appendFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { canonicalJson, SqliteEventStore } from '../index';

const WRITERS = 16;
const EVENTS_PER_APPEND = 3;
const [file, sideFile] = process.argv.slice(2);
// Tells the parent that start-up (module loading, slow on a loaded machine) is over: its kill timer starts now.
process.stdout.write('loaded\n');
const store = SqliteEventStore.open({ file });

async function writer(w: number): Promise<void> {
  for (let i = 0; ; i++) {
    const data = { w, i, pid: process.pid, text: '信访事项'.repeat(1 + (i % 40)) };
    const result = await store.append(
      `group-kill-${process.pid}-${w}`,
      Array.from({ length: EVENTS_PER_APPEND }, (_, part) => ({
        type: 'GroupKillTestEvent',
        version: 1,
        occurredAt: '2022-04-03T09:30:00+08:00',
        actor: { id: 'kill-test', role: 'admin' },
        data: { ...data, part },
      })),
      i === 0 ? 'no_stream' : i * EVENTS_PER_APPEND - 1,
    );
    const digest = createHash('sha256').update(canonicalJson(data)).digest('hex');
    appendFileSync(sideFile, `${result.position} ${digest}\n`);
  }
}

for (let w = 0; w < WRITERS; w++) void writer(w);
