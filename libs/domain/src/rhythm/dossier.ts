/**
 * What a published ranking or bulletin says about one unit, read from the
 * published document itself (not recomputed): the dossier shows what was
 * published, as it was published.
 */

export interface RankingAppearance {
  readonly status: 'ranked' | 'too_few_to_rank';
  readonly group: string;
  readonly rank: number | null;
  /** How many units were ranked in the group. */
  readonly of: number | null;
  readonly score: number | null;
  readonly flagged: boolean;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

const rowsOf = (content: unknown, key: string): Record<string, unknown>[] =>
  isObject(content) && Array.isArray(content[key]) ? (content[key] as unknown[]).filter(isObject) : [];

export function rankingAppearance(content: unknown, unit: string): RankingAppearance | null {
  const row = rowsOf(content, 'rows').find((r) => r.unit === unit);
  if (row) {
    const group = String(row.group);
    const of = rowsOf(content, 'rows').filter((r) => r.group === group).length;
    return {
      status: 'ranked',
      group,
      rank: Number(row.rank),
      of,
      score: Number(row.score),
      flagged: row.flagged === true,
    };
  }
  const few = rowsOf(content, 'tooFewToRank').find((r) => r.unit === unit);
  if (few)
    return { status: 'too_few_to_rank', group: String(few.group), rank: null, of: null, score: null, flagged: false };
  return null;
}

/** The unit's row of a published bulletin, without its change columns. */
export function bulletinAppearance(content: unknown, unit: string): Record<string, unknown> | null {
  const row = rowsOf(content, 'rows').find((r) => r.unit === unit);
  if (!row) return null;
  const { change: _change, ...figures } = row;
  return figures;
}
