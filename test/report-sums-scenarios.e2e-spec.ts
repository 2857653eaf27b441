import Database from 'better-sqlite3';
import { dataFiles } from '@app/runtime';
import { parseHalfMonth, parseMonth, unwrap } from '@app/domain';
import { computeBulletin, computeRanking, explainRanking, overviewReport } from '@app/projections';
import { startTestApp, TestApp } from './support/test-app';
import { API, day, RhythmFixture } from './support/rhythm-fixture';
import { auth } from './support/actors';

/**
 * The bulletin, the ranking and the overview at the read models' own position come from
 * the daily sums the matters projection keeps; as known at any other position, from the
 * fact rows. The demo city never corrects a matter's responsible unit or category, never
 * gives a matter a second reply limit by extension and rarely sends one back outside the
 * remit, so these matters do each of those through the HTTP API, and both paths must give
 * the same documents, byte for byte.
 */
describe('reports from the sums equal the reports from the rows, for corrected, extended and returned matters', () => {
  let t: TestApp;
  let f: RhythmFixture;
  /** Before the first correction of a responsible unit. */
  let beforeCorrection: bigint;

  beforeAll(async () => {
    t = await startTestApp();
    f = new RhythmFixture(t);
    await f.setUp([
      { code: 'town-a', name: '城关镇', kind: 'town' },
      { code: 'town-b', name: '河西镇', kind: 'town' },
      { code: 'dept-housing', name: '住建局', kind: 'department' },
    ]);
    const units = ['town-a', 'town-b', 'dept-housing'];
    // Ordinary matters, so that every unit has figures and the city a ranking.
    for (const unit of units) {
      await f.acceptanceMatter(unit, 'on_time');
      await f.acceptanceMatter(unit, 'late');
      await f.replyMatter(unit, { reply: 'on_time', evaluation: 'satisfied', resolved: true, repeats: 1 });
      await f.replyMatter(unit, { reply: 'late', evaluation: 'dissatisfied' });
    }

    // Online, transferred, extended (its reply limit moves), replied, evaluated; then its
    // responsible unit and category corrected: its contacts move to the new unit's figures.
    const online = f.nextId('online');
    await f.open(online, 'town-a', day('02-07', '09:00'), {}, { channel: 'online', source: 'national_platform' });
    await f.assign(online, 'town-a', day('02-08'));
    await f.accept(online, 'town-a', day('02-09'));
    await f.post(`/matters/${online}/extensions`, f.handler('town-a'), {
      days: 30,
      reason: '案情复杂',
      approvedBy: '副市长 张',
      occurredAt: day('03-20'),
    });
    await f.contact(online, day('04-06'), { channel: 'online', source: 'national_platform' });
    await f.post(`/matters/${online}/replies`, f.handler('town-a'), {
      outcome: 'supported',
      note: '已答复',
      occurredAt: day('04-28'),
    });
    await f.post(`/matters/${online}/evaluations`, f.registrar, {
      result: 'basically_satisfied',
      occurredAt: day('04-29'),
    });
    beforeCorrection = BigInt(await f.head());
    await f.post(`/matters/${online}/corrections`, f.registrar, {
      field: 'responsibleUnit',
      value: 'town-b',
      reason: '属地登记有误',
    });
    await f.post(`/matters/${online}/corrections`, f.registrar, {
      field: 'category',
      value: 'labour_social_security',
      reason: '类别选错',
    });

    // Sent to one unit, returned as outside its remit (its acceptance limit excused),
    // transferred to another, accepted late there, contacted again by a collective visit.
    const returned = f.nextId('returned');
    await f.open(returned, 'town-a', day('04-01', '09:00'));
    await f.assign(returned, 'town-a', day('04-01'));
    await f.post(`/matters/${returned}/remit-returns`, f.handler('town-a'), {
      reason: '不属于本单位职权',
      occurredAt: day('04-06'),
    });
    await f.assign(returned, 'dept-housing', day('04-07'));
    await f.accept(returned, 'dept-housing', day('04-29'));
    await f.contact(returned, day('04-20'), { headcount: 8 });
    await f.post(`/matters/${returned}/corrections`, f.registrar, {
      field: 'responsibleUnit',
      value: 'dept-housing',
      reason: '责任单位应为住建局',
    });
    // Every write is projected before the documents are read from the file.
    const head = await f.head();
    await t.http().get(`${API}/matters`).query({ minPosition: head }).set(auth(f.leader)).expect(200);
  }, 120_000);

  afterAll(async () => {
    await t.close();
  });

  it('gives the same bulletin, ranking, explanation and overview from both', async () => {
    const head = BigInt(await f.head());
    const db = new Database(dataFiles(t.config).readModels, { readonly: true });
    try {
      const applied = BigInt(
        db.prepare<[], { position: string }>('SELECT position FROM runner_state WHERE id = 1').get()!.position,
      );
      expect(applied).toBe(head);
      // As known at a position past the log, nothing more is known, but the rows answer.
      const beyond = head + 1_000n;
      const same = (fromSums: unknown, fromRows: unknown) =>
        expect(JSON.stringify(fromSums)).toBe(JSON.stringify(fromRows).split(`"${beyond}"`).join(`"${head}"`));
      let checked = 0;
      for (const today of ['2022-04-15', '2022-05-20']) {
        for (const id of ['2022-04-H1', '2022-04-H2', '2022-05-H1']) {
          const period = unwrap(parseHalfMonth(id));
          const sums = computeBulletin(db, period, { asOf: head, today });
          same(sums, computeBulletin(db, period, { asOf: beyond, today }));
          checked += sums.total.contacts;
        }
        for (const id of ['2022-02', '2022-04']) {
          const month = unwrap(parseMonth(id));
          const sums = computeRanking(db, month, { asOf: head, today });
          const rows = computeRanking(db, month, { asOf: beyond, today });
          same(sums.document, rows.document);
          for (const unit of ['town-a', 'town-b', 'dept-housing'])
            same(explainRanking(sums, unit), explainRanking(rows, unit));
        }
        const half = { from: '2022-01-01', to: '2022-06-30' };
        same(overviewReport(db, half, head, today), overviewReport(db, half, beyond, today));
      }
      // The periods compared hold the scenario's contacts (a comparison of two empty documents proves nothing).
      expect(checked).toBeGreaterThan(10);
      // The corrections moved figures between units (else the sums' handling of them went untested).
      const april = unwrap(parseHalfMonth('2022-04-H1'));
      const rowsOf = (asOf: bigint) =>
        JSON.stringify(computeBulletin(db, april, { asOf, today: '2022-05-20' }).rows.map(({ change: _, ...r }) => r));
      expect(rowsOf(head)).not.toBe(rowsOf(beforeCorrection));
    } finally {
      db.close();
    }
  });
});
