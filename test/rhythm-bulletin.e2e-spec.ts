import ExcelJS from 'exceljs';
import { createHash } from 'node:crypto';
import type { Response, Test } from 'supertest';
import { auth } from './support/actors';
import { expectProblem } from './support/matter-api';
import { API, day, RhythmFixture } from './support/rhythm-fixture';
import { startTestApp, TestApp } from './support/test-app';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Each column of the exported table and where its number sits in the JSON row (written here, not taken from the code). */
const COLUMNS: [string, string][] = [
  ['单位代码', 'unit'],
  ['单位名称', 'name'],
  ['单位类别', 'kind'],
  ['信访批次', 'contacts'],
  ['信访人次', 'persons'],
  ['越级访批次', 'skipLevel'],
  ['重复信访批次', 'repeat.numerator'],
  ['重复信访率(%)', 'repeatRate'],
  ['应受理件数', 'timelyAcceptance.denominator'],
  ['及时受理件数', 'timelyAcceptance.numerator'],
  ['及时受理率(%)', 'timelyAcceptanceRate'],
  ['应办结件数', 'onTime.denominator'],
  ['按期办结件数', 'onTime.numerator'],
  ['按期办结率(%)', 'onTimeRate'],
  ['超期件数', 'overdue'],
  ['应化解件数', 'resolution.denominator'],
  ['化解件数', 'resolution.numerator'],
  ['化解率(%)', 'resolutionRate'],
  ['参评件数', 'satisfaction.denominator'],
  ['满意件数(含基本满意)', 'satisfaction.numerator'],
  ['群众满意率(%)', 'satisfactionRate'],
  ['信访批次环比(%)', 'change.contacts.pct'],
  ['信访人次环比(%)', 'change.persons.pct'],
  ['越级访环比(%)', 'change.skipLevel.pct'],
  ['超期件数环比(%)', 'change.overdue.pct'],
  ['重复信访率增减(百分点)', 'change.repeatRate.points'],
  ['及时受理率增减(百分点)', 'change.timelyAcceptanceRate.points'],
  ['按期办结率增减(百分点)', 'change.onTimeRate.points'],
  ['化解率增减(百分点)', 'change.resolutionRate.points'],
  ['群众满意率增减(百分点)', 'change.satisfactionRate.points'],
];
const KIND_ZH: Record<string, string> = { town: '镇办', department: '市直部门', village: '村(社区)', other: '其他' };

function valueAt(row: Record<string, unknown>, path: string): unknown {
  const value = path.split('.').reduce<unknown>((v, key) => (v as Record<string, unknown>)?.[key], row);
  return path === 'kind' ? (value ? KIND_ZH[value as string] : '') : value;
}

/** A CSV parser that honours quotes (RFC 4180). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else field += c;
  }
  return rows;
}

/** Collects a binary response body (supertest buffers only text by default). */
const binary: Parameters<Test['parse']>[0] = (res, callback) => {
  const chunks: Buffer[] = [];
  res.on('data', (chunk: Buffer) => chunks.push(chunk));
  res.on('end', () => callback(null, Buffer.concat(chunks)));
};

describe('the half-month bulletin of 2022-04-H2', () => {
  let t: TestApp;
  let f: RhythmFixture;
  let bulletin: { rows: Record<string, unknown>[]; total: Record<string, unknown> } & Record<string, unknown>;
  let beforeRepeats = '';

  const get = (path: string, token = f.leader) => t.http().get(`${API}${path}`).set(auth(token));

  beforeAll(async () => {
    t = await startTestApp({ LEDGER_CHECKPOINT_SECONDS: '1' });
    f = new RhythmFixture(t);
    await f.setUp([
      { code: 'town-a', name: '城关镇', kind: 'town' },
      { code: 'town-b', name: '城北镇, "老城"', kind: 'town' },
      { code: 'dept-housing', name: '住建局', kind: 'department' },
    ]);
    // H1 (04-01..04-15): two contacts on 04-01, one a collective visit of 6: 7 persons.
    await f.open('A1', 'town-a', day('04-01', '09:00'), {}, { headcount: 6 });
    await f.assign('A1', 'town-a', day('04-01'));
    await f.accept('A1', 'town-a', day('04-15')); // due 04-18 (in H2): on time
    await f.open('A2', 'town-a', day('04-01', '09:30'));
    await f.assign('A2', 'town-a', day('04-01'));
    await f.accept('A2', 'town-a', day('04-20')); // late
    // A reply due in H2: accepted 02-20, 60 days is 04-21; replied 04-19, resolved 04-22, evaluated 04-23.
    await f.open('C1', 'town-a', day('02-18', '09:00'));
    await f.assign('C1', 'town-a', day('02-19'));
    await f.accept('C1', 'town-a', day('02-20'));
    await f.post('/matters/C1/replies', f.handler('town-a'), {
      outcome: 'supported',
      note: '已答复',
      occurredAt: day('04-19'),
    });
    await f.post('/matters/C1/resolution', f.handler('town-a'), { note: '已化解', occurredAt: day('04-22') });
    await f.post('/matters/C1/evaluations', f.registrar, { result: 'basically_satisfied', occurredAt: day('04-23') });
    beforeRepeats = await f.head();
    // H2: a new matter lodged at the province on 04-20, and two repeat contacts: 3 contacts, 2 repeats, 1 skip-level.
    await f.open('A3', 'town-a', day('04-20', '09:00'), {}, { level: 'province' });
    await f.contact('A1', day('04-21'));
    await f.contact('C1', day('04-26'));
    bulletin = JSON.parse((await get('/bulletins/2022-04-H2').expect(200)).text);
  });
  afterAll(() => t?.close());

  it('has one row per unit with every rate beside its numerator and denominator, and the change against H1', () => {
    expect(bulletin).toEqual(
      expect.objectContaining({
        period: '2022-04-H2',
        from: '2022-04-16',
        to: '2022-04-30',
        evaluatedOn: '2022-04-30',
        previous: { period: '2022-04-H1', from: '2022-04-01', to: '2022-04-15', evaluatedOn: '2022-04-15' },
      }),
    );
    expect(bulletin.rows.map((r) => r.unit)).toEqual(['town-a', 'town-b', 'dept-housing']);
    const [a, b] = bulletin.rows;
    expect(a).toEqual({
      unit: 'town-a',
      name: '城关镇',
      kind: 'town',
      contacts: 3,
      persons: 3,
      skipLevel: 1,
      overdue: 0,
      repeat: { numerator: 2, denominator: 3 },
      repeatRate: 66.67,
      timelyAcceptance: { numerator: 1, denominator: 2 },
      timelyAcceptanceRate: 50,
      onTime: { numerator: 1, denominator: 1 },
      onTimeRate: 100,
      resolution: { numerator: 1, denominator: 1 },
      resolutionRate: 100,
      satisfaction: { numerator: 1, denominator: 1 },
      satisfactionRate: 100,
      change: {
        // H1: 2 contacts, 7 persons, no repeat, nothing due
        contacts: { before: 2, pct: 50, trend: 'up' },
        persons: { before: 7, pct: -57.14, trend: 'down' },
        skipLevel: { before: 0, pct: null, trend: 'new' },
        overdue: { before: 0, pct: null, trend: 'flat' },
        repeatRate: { before: 0, points: 66.67, trend: 'up' },
        timelyAcceptanceRate: { before: null, points: null, trend: 'new' },
        onTimeRate: { before: null, points: null, trend: 'new' },
        resolutionRate: { before: null, points: null, trend: 'new' },
        satisfactionRate: { before: null, points: null, trend: 'new' },
      },
    });
    // A unit with nothing: counts 0, rates n/a (null), never 0 or 100.
    expect(b).toEqual(
      expect.objectContaining({
        contacts: 0,
        repeatRate: null,
        onTimeRate: null,
        satisfactionRate: null,
        repeat: { numerator: 0, denominator: 0 },
      }),
    );
    expect(bulletin.total).toEqual(
      expect.objectContaining({ unit: '', name: '全市合计', contacts: 3, persons: 3, repeatRate: 66.67 }),
    );
  });

  it('exports the same table as CSV with Chinese column titles, parsing back to the same numbers', async () => {
    const res = await get('/bulletins/2022-04-H2').set('Accept', 'text/csv').expect(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toBe('attachment; filename="bulletin-2022-04-H2.csv"');
    expect(res.text.startsWith('\ufeff')).toBe(true);
    const [titles, ...lines] = parseCsv(res.text.slice(1));
    expect(titles).toEqual(COLUMNS.map(([title]) => title));
    const expected = [...bulletin.rows, bulletin.total];
    expect(lines).toHaveLength(expected.length);
    lines.forEach((line, i) =>
      COLUMNS.forEach(([title, path], j) => {
        const value = valueAt(expected[i], path);
        const cell = line[j];
        if (value === null) expect([title, cell]).toEqual([title, '']);
        else if (typeof value === 'number') expect([title, Number(cell)]).toEqual([title, value]);
        else expect([title, cell]).toEqual([title, value]);
      }),
    );
    // The name with a comma and quotes survives.
    expect(lines[1][1]).toBe('城北镇, "老城"');
  });

  it('exports the same table as XLSX (the appendix sheets), which exceljs reads back to the same numbers', async () => {
    const res = await get('/bulletins/2022-04-H2').set('Accept', XLSX).buffer(true).parse(binary).expect(200);
    expect(res.headers['content-type']).toBe(XLSX);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.body as Parameters<typeof workbook.xlsx.load>[0]);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['半月通报', '附表1 指标明细', '附表2 环比增减', '说明']);
    const expected = [...bulletin.rows, bulletin.total];
    // The figures without the unit code, then the name and the changes; percentages as fractions under a % format.
    const parts: [string, [string, string][]][] = [
      ['附表1 指标明细', COLUMNS.slice(1, 21)],
      ['附表2 环比增减', [COLUMNS[1], ...COLUMNS.slice(21)]],
    ];
    for (const [name, columns] of parts) {
      const sheet = workbook.getWorksheet(name)!;
      const cells = (r: number) => columns.map((_, j) => sheet.getRow(r).getCell(j + 1).value);
      expect(cells(2)).toEqual(columns.map(([title]) => title));
      expect(sheet.rowCount).toBe(expected.length + 2);
      expected.forEach((row, i) =>
        columns.forEach(([title, path], j) => {
          const value = valueAt(row, path);
          const cell = cells(i + 3)[j];
          if (typeof value === 'number' && title.endsWith('(%)')) expect([title, cell]).toEqual([title, value / 100]);
          else expect([title, cell]).toEqual([title, value === null ? null : value]);
        }),
      );
    }
    const main = workbook.getWorksheet('半月通报')!;
    expect(main.getCell('A1').value).toBe('信访工作通报（2022年4月下半月）');
    const about = workbook.getWorksheet('说明')!;
    expect(about.getRow(4).getCell(2).value).toBe('2022-04-H2');
  });

  it('gives a printable page as HTML', async () => {
    const res = await get('/bulletins/2022-04-H2').set('Accept', 'text/html').expect(200);
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(res.text).toContain('<title>信访工作通报（2022年4月下半月）</title>');
    expect(res.text).toContain('size: A4 landscape');
    expect(res.text).toContain('<p class="issue">2022年第8期</p>');
    expect(res.text).toContain('<td class="text">城北镇, &quot;老城&quot;</td>');
    expect(res.text).toContain('<td class="num">66.67%</td>');
    expect(res.text).toMatch(/<tr class="total"><td class="text">全市合计<\/td>/);
  });

  it('refuses a format it does not have, and a malformed half-month', async () => {
    expectProblem(await get('/bulletins/2022-04-H2').set('Accept', 'image/png'), 406);
    expectProblem(await get('/bulletins/2022-04-H3'), 400);
  });

  it('answers as known at an earlier position', async () => {
    const early = JSON.parse((await get(`/bulletins/2022-04-H2?asOf=${beforeRepeats}`).expect(200)).text);
    expect(early.asOf).toBe(beforeRepeats);
    expect(early.rows[0]).toEqual(expect.objectContaining({ contacts: 0, repeatRate: null, onTimeRate: 100 }));
  });

  it('publishes once, serves the published bytes, and shows a later back-dated fact as a restatement', async () => {
    const publish = () =>
      t
        .http()
        .post(`${API}/bulletins/2022-04-H2/publish`)
        .set(auth(f.analyst))
        .set('Idempotency-Key', 'bulletin-2022-04-H2')
        .send({});
    const published = await publish().expect(201);
    // A retry with the same key (a lost answer) gets the first answer and appends nothing.
    const events = await t.eventCount();
    expect((await publish().expect(201)).body).toEqual(published.body);
    expect(await t.eventCount()).toBe(events);
    expect(published.body).toEqual(
      expect.objectContaining({
        id: 'bulletin-2022-04-H2',
        rule: null,
        checkpoint: expect.objectContaining({ rootHash: expect.stringMatching(/^[0-9a-f]{64}$/) }),
      }),
    );
    const frozen = await get('/bulletins/2022-04-H2/published').expect(200);
    expect(createHash('sha256').update(frozen.text).digest('hex')).toBe(published.body.contentSha256);
    expect((await get(`/bulletins/2022-04-H2?asOf=${published.body.checkpoint.position}`).expect(200)).text).toBe(
      frozen.text,
    );

    // A contact of 04-28 recorded late.
    await f.contact('A2', day('04-28'));
    const now = JSON.parse((await get('/bulletins/2022-04-H2').expect(200)).text);
    expect(now.rows[0].contacts).toBe(4);
    expect(now.published.restatement.changes).toEqual(
      expect.arrayContaining([
        { path: 'rows[town-a].contacts', published: 3, current: 4 },
        { path: 'rows[town-a].repeatRate', published: 66.67, current: 75 },
        { path: 'total.contacts', published: 3, current: 4 },
      ]),
    );
    const html = await get('/bulletins/2022-04-H2').set('Accept', 'text/html').expect(200);
    expect(html.text).toContain('更正说明');
    expect((await get('/bulletins/2022-04-H2/published').expect(200)).text).toBe(frozen.text);
    const again: Response = await t.http().post(`${API}/bulletins/2022-04-H2/publish`).set(auth(f.analyst)).send({});
    expectProblem(again, 409);
    expect(again.body.published.restated).toBe(true);
    expectProblem(await get('/bulletins/2022-04-H1/published'), 404);
  });
});
