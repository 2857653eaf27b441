import type Database from 'better-sqlite3';
import type { MatterState } from '@app/domain';

type Contact = MatterState['contacts'][number];

/**
 * How one matter event changes a sum over its contacts grouped by one of the matter's
 * attributes: when the attribute changed, every earlier contact moves from the old group
 * (−1) to the new one (+1); a contact the event added counts once under the new group.
 */
export function contactChanges(
  before: MatterState | null,
  after: MatterState,
  groupOf: (state: MatterState) => string,
  count: (contact: Contact, group: string, sign: 1 | -1) => void,
): void {
  const earlier = before?.contacts ?? [];
  const group = groupOf(after);
  if (before && groupOf(before) !== group) {
    const old = groupOf(before);
    for (const c of earlier) count(c, old, -1);
    for (const c of earlier) count(c, group, 1);
  }
  for (let i = earlier.length; i < after.contacts.length; i++) count(after.contacts[i], group, 1);
}

/**
 * How one matter event changes a sum over its limits: nothing when the matter's shares
 * are the same before and after (compared by `id`), else the old ones out and the new in.
 */
export function shareChanges<S extends { readonly id: string }>(
  was: readonly S[],
  is: readonly S[],
  count: (share: S, sign: 1 | -1) => void,
): void {
  if (was.length === is.length && was.every((share, i) => share.id === is[i].id)) return;
  for (const share of was) count(share, -1);
  for (const share of is) count(share, 1);
}

/**
 * Counts by key, summed in memory over a batch and written once when it ends: each key's
 * difference is added to its row, and a row that falls to zero is deleted, so a table of
 * sums does not depend on how the log was cut into batches.
 */
export class CountChanges<K extends readonly (string | number)[]> {
  private readonly sums = new Map<string, { key: K; n: number }>();

  count(key: K, sign: 1 | -1): void {
    const id = key.join('\u0000');
    const sum = this.sums.get(id);
    if (sum) sum.n += sign;
    else this.sums.set(id, { key, n: sign });
  }

  /** `add` takes the key's columns and the difference; `drop` the key's columns (it deletes a row at zero only). */
  flush(add: Database.Statement, drop: Database.Statement): void {
    for (const { key, n } of this.sums.values()) {
      if (n === 0) continue;
      add.run(...key, n);
      if (n < 0) drop.run(...key);
    }
  }
}
