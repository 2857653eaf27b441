import { INestApplication } from '@nestjs/common';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import request from 'supertest';
import { parseMonth, unwrap } from '@app/domain';
import { computeRanking } from '@app/projections';
import { loadConfig } from '@app/runtime';
import { createApp } from '../apps/api/src/create-app';
import { runDemo } from '../apps/cli/src/demo/run-demo';

interface Indicator {
  numerator: number;
  denominator: number;
}
interface Row {
  group: string;
  unit: string;
  rank: number;
  flagged: boolean;
  scored: string[];
  funnel: { score: { value: number; limits: { lower998: number }; position: string } };
}
interface Few {
  group: string;
  unit: string;
  reason: string;
  indicators: Record<string, Indicator>;
}

/**
 * The demo city at full scale (a real county-level year), April 2022, by the
 * shipped default (version 2): the "done when" through the HTTP API.
 */
describe('the demo city’s ranking of April 2022', () => {
  let dir: string;
  let app: INestApplication;
  let ranking: {
    rule: { version: number; indicators: { key: string; minDenominator: number }[] };
    rows: Row[];
    tooFewToRank: Few[];
    groups: { id: string; ranked: number; tooFew: number }[];
  };

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'ranking-demo-'));
    const config = loadConfig({ LEDGER_DATA_DIR: dir, LEDGER_LOG_LEVEL: 'silent' });
    const demo = await runDemo({ config, seed: 1, year: 2022, now: () => new Date('2023-01-15T12:00:00+08:00') });
    const token = demo.principals.find((p) => p.role === 'analyst')!.token;
    app = await createApp(config);
    app.useLogger(false);
    await app.init();
    const res = await request(app.getHttpServer())
      .get('/api/v1/rankings/2022-04')
      .set('Authorization', `Bearer ${token}`)
      .expect(200);
    ranking = JSON.parse(res.text);
  }, 600_000); // a full-scale demo city: minutes on a loaded machine
  afterAll(async () => {
    await app?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('ranks most units of each peer group', () => {
    expect(ranking.rule.version).toBe(2);
    for (const group of ranking.groups) expect(group.ranked).toBeGreaterThan(group.tooFew);
  });

  it('leaves out only units without a single indicator at its minimum', () => {
    const minimum = new Map(ranking.rule.indicators.map((i) => [i.key, i.minDenominator]));
    expect(ranking.tooFewToRank.length).toBeGreaterThan(0);
    for (const few of ranking.tooFewToRank) {
      expect(few.reason).toBe('no_scorable_indicator');
      for (const [key, value] of Object.entries(few.indicators)) {
        expect(value.denominator).toBeLessThan(minimum.get(key)!);
      }
    }
    // and every ranked unit was scored on at least one indicator
    for (const row of ranking.rows) expect(row.scored.length).toBeGreaterThan(0);
  });

  it('flags exactly the units whose score is below their 99.8 % funnel limit', () => {
    for (const row of ranking.rows) {
      expect(row.flagged).toBe(row.funnel.score.value < row.funnel.score.limits.lower998);
      expect(row.flagged).toBe(row.funnel.score.position === 'worse_than_99_8');
    }
  });

  it('gave its old answer by version 1: 3 of 14 towns and 4 of 16 departments', () => {
    const db = new Database(join(dir, 'read-models.sqlite'), { readonly: true });
    try {
      const old = computeRanking(
        db,
        unwrap(parseMonth('2022-04')),
        { asOf: 10n ** 15n, today: '2023-01-15' },
        { rule: { id: 'default', version: 1 } },
      ).document;
      expect(old.groups.map((g) => [g.id, g.ranked, g.ranked + g.tooFew])).toEqual([
        ['towns', 3, 14],
        ['departments', 4, 16],
      ]);
      const counts = ranking.groups.map((g) => [g.id, g.ranked + g.tooFew]);
      expect(counts).toEqual([
        ['towns', 14],
        ['departments', 16],
      ]);
    } finally {
      db.close();
    }
  });
});
