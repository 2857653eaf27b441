/**
 * Child process of the outbox crash test: records a digest in the outbox and
 * says so, then waits to be killed before it sends anything.
 */
import { SqliteEventStore } from '@app/ledger';
import { ReminderOutbox } from './reminder-outbox';
import { FIXTURE_CHANNEL, FIXTURE_DIGEST } from './reminder-outbox.fixture';

const [file, url] = process.argv.slice(2);
const store = SqliteEventStore.open({ file });
const outbox = new ReminderOutbox({
  store,
  now: () => new Date('2022-04-29T00:30:00.000Z'),
  sleep: () => Promise.resolve(),
  fetch,
  unitName: () => '城关镇',
});

void outbox.record([FIXTURE_DIGEST], [{ ...FIXTURE_CHANNEL, url }]).then(() => {
  process.stdout.write('recorded\n');
  setInterval(() => undefined, 1000);
});
