import JSZip from 'jszip';
import { Actors, auth, openMatterBody, seedActors } from './support/actors';
import { binaryBody } from './support/binary-body';
import { API, expectProblem } from './support/matter-api';
import { startTestApp, TestApp } from './support/test-app';

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const PERIOD = 'from=2022-01-01&to=2022-06-30';

describe('GET /reports/work: the whole work report over HTTP, as JSON and as a Word file', () => {
  let t: TestApp;
  let a: Actors;
  let afterMeeting: string;
  let beforeMeeting: string;

  beforeAll(async () => {
    t = await startTestApp();
    a = await seedActors(t);
    const opened = await t
      .http()
      .post(`${API}/matters`)
      .set(auth(a.registrar))
      .send(openMatterBody({ id: 'XF-W1' }))
      .expect(201);
    beforeMeeting = opened.body.position;
    const meeting = await t
      .http()
      .post(`${API}/meetings`)
      .set(auth(a.leader))
      .send({
        kind: 'weekly_judgment',
        occurredAt: '2022-03-07T09:00:00+08:00',
        chair: '市委书记',
        decisions: [{ matterId: 'XF-W1', decision: '包案化解', unit: 'town-a', dueBy: '2022-03-21' }],
      })
      .expect(201);
    afterMeeting = meeting.body.position;
  });
  afterAll(() => t.close());

  const work = (query: string, token = a.leader) => t.http().get(`${API}/reports/work?${query}`).set(auth(token));

  it('answers with sections 一–三 and the drafted text, at the position it reflects', async () => {
    const res = await work(`${PERIOD}&minPosition=${afterMeeting}`).expect(200);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    expect(BigInt(res.headers['x-ledger-position'])).toBeGreaterThanOrEqual(BigInt(afterMeeting));
    expect(res.body.period).toEqual({ from: '2022-01-01', to: '2022-06-30' });
    expect(Object.keys(res.body.sections)).toEqual(['one', 'two', 'three']);
    expect(res.body.sections.one.cityVisits.total).toEqual({ batches: 1, persons: 12 });
    expect(res.body.sections.two.meetings).toEqual(
      expect.objectContaining({ weekly_judgment: 1, joint: 0, judgedCases: 1 }),
    );
    expect(res.body.text).toContain('一、信访总体情况');
    expect(res.body.text).toContain('周研判会1次');
  });

  it('answers as known at an earlier position with asOf', async () => {
    const res = await work(`${PERIOD}&asOf=${beforeMeeting}`).expect(200);
    expect(res.headers['x-ledger-position']).toBe(beforeMeeting);
    expect(res.body.asOf).toBe(beforeMeeting);
    expect(res.body.sections.two.meetings.weekly_judgment).toBe(0);
    expect(res.body.sections.one.cityVisits.total).toEqual({ batches: 1, persons: 12 });
  });

  it('downloads as a Word document for the docx Accept type', async () => {
    const res = await work(PERIOD).set('Accept', DOCX).buffer(true).parse(binaryBody).expect(200);
    expect(res.headers['content-type']).toBe(DOCX);
    expect(res.headers['content-disposition']).toBe('attachment; filename="work-report-2022-01-01-2022-06-30.docx"');
    const zip = await JSZip.loadAsync(res.body as Buffer);
    const xml = await zip.file('word/document.xml')!.async('string');
    expect(xml).toContain('一、信访总体情况');
    expect(xml).toContain('四、下一步主要工作');
  });

  it('refuses bad periods, an asOf beyond the ledger and an unknown format, and asks for a token', async () => {
    expectProblem(await work('from=2022-02-30&to=2022-06-30'), 400);
    expectProblem(await work('from=2022-06-30&to=2022-01-01'), 400);
    expectProblem(await work('from=2019-01-01&to=2022-06-30'), 400, 'at most 1096 days');
    expectProblem(await work(`${PERIOD}&asOf=999999999`), 400, 'beyond the ledger');
    expectProblem(await work(PERIOD).set('Accept', 'text/csv'), 406);
    await t.http().get(`${API}/reports/work?${PERIOD}`).expect(401);
  });

  it('is documented in the OpenAPI description with its problem responses', async () => {
    const doc = (await t.http().get('/api/docs-json').expect(200)).body;
    const op = doc.paths['/api/v1/reports/work'].get;
    expect(op.operationId).toBe('getWorkReport');
    expect(Object.keys(op.responses)).toEqual(expect.arrayContaining(['200', '400', '401', '406']));
    expect(op.responses['400'].content['application/problem+json']).toBeDefined();
    expect(doc.paths['/api/v1/reports/overview'].get.operationId).toBe('getOverviewReport');
  });
});
