import { INestApplication } from '@nestjs/common';
import JSZip from 'jszip';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import type { WorkReport } from '@app/projections';
import { loadConfig } from '@app/runtime';
import { createApp } from '../apps/api/src/create-app';
import { runDemo } from '../apps/cli/src/demo/run-demo';
import { binaryBody } from './support/binary-body';

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const PERIOD = '/api/v1/reports/work?from=2022-01-01&to=2022-06-30';

/**
 * Issue 14's "done when" on the demo city: the work report of the first half of 2022
 * fills sections 一–三 with figures and text, and downloads as a Word file.
 */
describe('the demo city’s work report, 2022-01-01..2022-06-30', () => {
  let dir: string;
  let app: INestApplication;
  let token: string;
  let report: WorkReport;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'work-report-demo-'));
    const config = loadConfig({ LEDGER_DATA_DIR: dir, LEDGER_LOG_LEVEL: 'silent' });
    const demo = await runDemo({
      config,
      seed: 1,
      year: 2022,
      scale: 0.3,
      now: () => new Date('2023-01-15T12:00:00+08:00'),
    });
    token = demo.principals.find((p) => p.role === 'leader')!.token;
    app = await createApp(config);
    app.useLogger(false);
    await app.init();
    const res = await request(app.getHttpServer()).get(PERIOD).set('Authorization', `Bearer ${token}`).expect(200);
    report = res.body;
  }, 600_000); // a full-scale demo city: minutes on a loaded machine
  afterAll(async () => {
    await app?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('fills section 二 with instructions, meetings, upper-level assignments, SMS and reviews', () => {
    const two = report.sections.two;
    expect(two.instructions.total).toBeGreaterThan(5);
    expect(two.meetings.weekly_judgment).toBeGreaterThan(10);
    expect(two.meetings.joint).toBeGreaterThan(0);
    expect(two.meetings.judgedCases).toBeGreaterThan(0);
    expect(two.meetings.resolvedOrUnderControlRate).toEqual(expect.any(Number));
    expect(two.upperAssignments.received).toBeGreaterThan(0);
    expect(two.upperAssignments.onTimeRate).toEqual(expect.any(Number));
    expect(two.sms).toBeGreaterThan(0);
    expect(two.reviews.completed).toBeGreaterThan(0);
    for (const phrase of ['批示', '周研判会', '上三级交办来访案件', '短信访', '复查复核办公室受理复查办结案件'])
      expect(two.text).toContain(phrase);
  });

  it('finds section 三’s problems: online repeats and their subjects, the worst half-month, top subjects, wage arrears', () => {
    const three = report.sections.three;
    expect(three.onlineRepeat.repeat).toBeGreaterThan(0);
    expect(three.onlineRepeat.subjects.length).toBeGreaterThan(0);
    expect(three.worstHalfMonth).not.toBeNull();
    expect(three.topSubjects.subjects.length).toBeGreaterThan(0);
    expect(three.topics.length).toBeGreaterThan(0);
    expect(three.text).toContain('讨要农民工工资和工程款');
    for (const heading of ['一、信访总体情况', '二、主要工作措施', '三、存在主要问题'])
      expect(report.text).toContain(heading);
  });

  it('downloads as a Word file with sections 一–四', async () => {
    const res = await request(app.getHttpServer())
      .get(PERIOD)
      .set('Authorization', `Bearer ${token}`)
      .set('Accept', DOCX)
      .buffer(true)
      .parse(binaryBody)
      .expect(200);
    const xml = await (await JSZip.loadAsync(res.body as Buffer)).file('word/document.xml')!.async('string');
    for (const heading of ['一、信访总体情况', '二、主要工作措施', '三、存在主要问题', '四、下一步主要工作'])
      expect(xml).toContain(heading);
  });
});
