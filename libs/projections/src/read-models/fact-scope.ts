import type Database from 'better-sqlite3';
import type { LocalDate } from '@app/domain';
import type { Position } from '@app/ledger';

/**
 * What a report asks of the fact tables: the local dates its facts occurred on
 * (inclusive) and the ledger position it is known at.
 *
 * As-of is a filter, never a replay. Two kinds of table make that possible:
 *
 * - fact tables (`fact_contacts`, `fact_receptions`, ...): one row per event,
 *   immutable, keyed by the event's position. "Known at P" is `position <= P`.
 * - versioned tables (`fact_matter_versions`, `fact_milestones`): one row per
 *   change of an entity, valid from the position that made it until the
 *   position that superseded it. "Known at P" is
 *   `position <= P AND (superseded IS NULL OR superseded > P)`.
 *
 * Every query binds `@from`, `@to` and `@asOf` by name.
 */
export interface FactScope {
  readonly from: LocalDate;
  readonly to: LocalDate;
  readonly asOf: Position;
}

/** Named parameters for a scope, as better-sqlite3 binds them (positions as BigInt: INTEGER columns). */
export function scopeParams(scope: FactScope): { from: string; to: string; asOf: bigint } {
  return { from: scope.from, to: scope.to, asOf: scope.asOf };
}

/** SQL: the fact row of `alias` was recorded at or before `@asOf`. */
export const knownAt = (alias: string): string => `${alias}.position <= @asOf`;

/** SQL: the version row of `alias` is the one in force at `@asOf`. */
export const validAt = (alias: string): string =>
  `(${alias}.position <= @asOf AND (${alias}.superseded IS NULL OR ${alias}.superseded > @asOf))`;

/** SQL: the fact of `alias` occurred (column `column`, a local date) within `@from`..`@to`. */
export const occurredIn = (alias: string, column = 'occurred_on'): string => `${alias}.${column} BETWEEN @from AND @to`;

/**
 * The position the read models have applied (their runner's checkpoint), read in the
 * caller's transaction; null for a database no runner keeps (a spec's). Queries that
 * have a faster form at that position (nothing superseded after it) ask for it.
 */
export function appliedPosition(db: Database.Database): Position | null {
  let row: { position: string } | undefined;
  try {
    row = db.prepare<[], { position: string }>('SELECT position FROM runner_state WHERE id = 1').get();
  } catch {
    return null;
  }
  return row ? BigInt(row.position) : null;
}

/** The id of a fact from its stream name `<kind>-<id>`. */
export function streamId(stream: string): string {
  return stream.slice(stream.indexOf('-') + 1);
}

/**
 * Prepared statements of one projection, prepared once per database: preparing is
 * the costliest part of a small write, and a rebuild opens a new database, so the
 * cache is keyed by the database object.
 */
export function statementCache<K extends string>(
  sql: Record<K, string>,
): (db: Database.Database) => Record<K, Database.Statement> {
  const cache = new WeakMap<Database.Database, Record<K, Database.Statement>>();
  return (db) => {
    let statements = cache.get(db);
    if (!statements) {
      const entries = (Object.keys(sql) as K[]).map((k) => [k, db.prepare(sql[k])] as const);
      statements = Object.fromEntries(entries) as Record<K, Database.Statement>;
      cache.set(db, statements);
    }
    return statements;
  };
}
