import { Projection } from '@app/ledger';

/**
 * A deliberately non-idempotent read model for the kill test: it counts every event
 * applied. Were an event applied twice or lost, the count would differ from the
 * ledger's, even where the real read models would hide it (they are idempotent).
 */
export const appliedCounter: Projection = {
  name: 'kill-test-counter',
  version: 1,
  schema: `CREATE TABLE IF NOT EXISTS applied_counter (id INTEGER PRIMARY KEY CHECK (id = 1), n INTEGER NOT NULL);
    INSERT OR IGNORE INTO applied_counter (id, n) VALUES (1, 0);`,
  apply(_event, { db }) {
    db.prepare('UPDATE applied_counter SET n = n + 1 WHERE id = 1').run();
  },
};
