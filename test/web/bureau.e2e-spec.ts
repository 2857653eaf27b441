import { execFileSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { axeViolations, screenshot, signIn, watchedPage, webSuite } from './support/web-harness';

/** ISO week (YYYY-Www) of a date YYYY-MM-DD. */
function isoWeek(date: string): string {
  const [y, m, d] = date.split('-').map(Number);
  const ms = Date.UTC(y, m - 1, d);
  const weekday = (new Date(ms).getUTCDay() + 6) % 7;
  const thursday = new Date(ms + (3 - weekday) * 86_400_000);
  const year = thursday.getUTCFullYear();
  const week = Math.floor((thursday.getTime() - Date.UTC(year, 0, 1)) / (7 * 86_400_000)) + 1;
  return `${year}-W${String(week).padStart(2, '0')}`;
}

/** An instant `hoursAgo` before now with the business offset (+08:00), as the API wants it. */
function shanghai(hoursAgo: number): string {
  const shifted = new Date(Date.now() - hoursAgo * 3600_000 + 8 * 3600_000);
  return `${shifted.toISOString().slice(0, 19)}+08:00`;
}

describe('研判会 半月通报 月排名 报告 审计 用户 提醒 (Chromium, the demo city)', () => {
  const suite = webSuite();
  const api = () => request(suite.city.url);
  const bearer = (role: string) => ({ Authorization: `Bearer ${suite.city.token(role)}` });

  it('the leader’s 研判会 records a decision, then updates live when the unit’s handler replies', async () => {
    const handler = suite.city.handler();
    const unit = handler.units[0];
    const registrar = bearer('registrar');
    const opened = await api()
      .post('/api/v1/matters')
      .set(registrar)
      .send({
        category: 'labour_social_security',
        subject: '直播测试',
        responsibleUnit: unit,
        summary: '反映工资拖欠问题（测试）',
        petitioners: [{ name: '测试人', idNumber: '11010119900307123X', phone: '13812345678' }],
        contact: { occurredAt: shanghai(3), channel: 'visit', headcount: 1 },
      })
      .expect(201);
    const matterId = opened.body.id as string;
    await api()
      .post(`/api/v1/matters/${matterId}/assignments`)
      .set(registrar)
      .send({ unit, mode: 'transfer', occurredAt: shanghai(3) })
      .expect(201);
    const asHandler = { Authorization: `Bearer ${handler.token}` };
    await api()
      .post(`/api/v1/matters/${matterId}/acceptance`)
      .set(asHandler)
      .send({ accepted: true, occurredAt: shanghai(2) })
      .expect(201);

    const { page, errors } = await watchedPage(suite.context);
    await signIn(page, suite.city, suite.city.token('leader'));
    const today = shanghai(0).slice(0, 10);
    const week = isoWeek(today);
    await page.goto(`${suite.city.url}/meeting?week=${week}`);
    await page.locator('#meeting-new').waitFor();
    await expect(page.locator('#meeting-new').innerText()).resolves.toContain(matterId);
    // Record the meeting's decision in the form (an hour ago: the acceptance came before it).
    const form = page.locator('#meeting-record');
    await form.getByLabel('主持人').fill('市长 刘志强');
    await form.getByLabel('召开时间').fill(shanghai(1).slice(0, 16));
    await form.getByLabel('事项').fill(matterId);
    await form.getByLabel('研判决定').fill('三日内答复信访人');
    await form.getByLabel('责任单位').selectOption(unit);
    const monday = new Date(Date.parse(`${today}T00:00:00Z`) + 14 * 86_400_000).toISOString().slice(0, 10);
    await form.getByLabel('完成期限').fill(monday);
    await page.getByRole('button', { name: '记录研判会' }).click();
    await expect(page.locator('#meeting-record .notice').innerText()).resolves.toContain('已记录研判会');
    await screenshot(page, 'meeting-recorded');

    // Next week's agenda shows the decision, pending; a handler's reply turns it met, live, no reload.
    const [y, w] = week.split('-W').map(Number);
    const nextWeek = isoWeek(new Date(Date.parse(`${today}T00:00:00Z`) + 7 * 86_400_000).toISOString().slice(0, 10));
    expect(nextWeek > week || y < Number(nextWeek.slice(0, 4)) || w === 52).toBe(true);
    await page.goto(`${suite.city.url}/meeting?week=${nextWeek}`);
    const decision = page.locator('#meeting-last tr', { hasText: matterId });
    await expect(decision.innerText()).resolves.toContain('待落实');
    await page.locator('.live-badge[data-state="live"]').waitFor();
    await page.evaluate(() => ((window as unknown as { marker: number }).marker = 42));
    await api()
      .post(`/api/v1/matters/${matterId}/replies`)
      .set(asHandler)
      .send({ outcome: 'supported', note: '已督促支付' })
      .expect(201);
    await page
      .locator('#meeting-last tr', { hasText: matterId })
      .filter({ hasText: '按期落实' })
      .waitFor({ timeout: 8000 });
    // The same document: it updated in place.
    expect(await page.evaluate(() => (window as unknown as { marker?: number }).marker)).toBe(42);
    await screenshot(page, 'meeting-live-updated');
    expect(await axeViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  }, 120_000);

  it('opens the ranking with its interval bars and funnel plot, then a unit’s explanation down to the matters', async () => {
    const { page, errors } = await watchedPage(suite.context);
    await signIn(page, suite.city, suite.city.token('leader'));
    await page.goto(`${suite.city.url}/ranking?month=2022-11`);
    await page.locator('#ranking-chart-card svg').first().waitFor();
    await expect(page.locator('#ranking-rule').innerText()).resolves.toContain('排名规则');
    await expect(page.locator('#ranking-chart-card').innerText()).resolves.toContain('95% 控制限');
    const svg = await page.locator('[id^="ranking-funnel-"] svg').first().textContent();
    expect(svg).toContain('件数');
    await screenshot(page, 'ranking');
    expect(await axeViolations(page)).toEqual([]);
    // The unit with the most cases (ranked or too few to rank), so that its explanation lists matters.
    const ranking = await api().get('/api/v1/rankings/2022-11').set(bearer('leader')).expect(200);
    type Row = { name: string; cases: number };
    const rows = [...(ranking.body.rows as Row[]), ...(ranking.body.tooFewToRank as Row[])].sort(
      (a, b) => b.cases - a.cases,
    );
    const unitName = rows[0].name;
    await page.locator('[id^="ranking-group-"]').getByRole('link', { name: unitName, exact: true }).click();
    await page.waitForURL(/\/ranking\/explain\?/);
    await expect(page.locator('h1').innerText()).resolves.toContain(unitName);
    await page.locator('[id^="explain-"] table a[href^="/matters/"]').first().waitFor();
    await screenshot(page, 'ranking-explanation');
    expect(await axeViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  }, 90_000);

  it('opens the bulletin and its print view, which prints to PDF; downloads the CSV', async () => {
    const { page, errors } = await watchedPage(suite.context);
    await signIn(page, suite.city, suite.city.token('analyst'));
    await page.goto(`${suite.city.url}/bulletin?period=2022-11-H1`);
    await page.locator('.bulletin-table tbody tr').first().waitFor();
    await expect(page.locator('.bulletin-table').innerText()).resolves.toContain('全市合计');
    const downloading = page.waitForEvent('download');
    await page.getByRole('button', { name: '下载 CSV' }).click();
    const csv = await downloading;
    expect(csv.suggestedFilename()).toBe('半月通报-2022-11-H1.csv');
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'bulletin');
    await page.getByRole('link', { name: '打印版' }).click();
    await page.locator('.print-title').waitFor();
    await expect(page.locator('.print-title').innerText()).resolves.toBe('全市信访工作半月通报（2022-11-H1）');
    await screenshot(page, 'bulletin-print');
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.topbar').isVisible()).toBe(false);
    const pdf = join(process.env.WEB_SHOTS_DIR ?? join(tmpdir(), 'petition-ledger-web-shots'), 'bulletin-print.pdf');
    await page.pdf({ path: pdf, printBackground: true });
    expect(existsSync(pdf) && statSync(pdf).size > 10_000).toBe(true);
    await page.emulateMedia({ media: 'screen' });
    expect(await axeViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  }, 90_000);

  it('the auditor sees the signed checkpoint, a passing verification, and a proof its snippet checks', async () => {
    const { page, errors } = await watchedPage(suite.context);
    await signIn(page, suite.city, suite.city.token('auditor'));
    await page.goto(`${suite.city.url}/audit`);
    await page.locator('#audit-verify-body .ok').waitFor({ timeout: 30_000 });
    await expect(page.locator('#audit-note').innerText()).resolves.toMatch(/^\S+\n\d+\n\S+=\n\n— /);
    await page.getByLabel('事件序号').fill('3');
    await page.getByRole('button', { name: '生成证明' }).click();
    const snippet = await page.locator('#audit-snippet').innerText();
    await expect(page.locator('#audit-event.ok').innerText()).resolves.toContain('叶子哈希与证明一致');
    // The "check it yourself" script, run as the auditor would, agrees with the signed root.
    expect(execFileSync(process.execPath, ['-'], { input: snippet, encoding: 'utf8' }).trim()).toBe(
      'OK: the event is in the signed tree',
    );
    const broken = snippet.replace(
      /const leafHash = '([0-9a-f])/,
      (_m, c: string) => `const leafHash = '${c === '0' ? '1' : '0'}`,
    );
    expect(execFileSync(process.execPath, ['-'], { input: broken, encoding: 'utf8' }).trim()).toBe('MISMATCH');
    await screenshot(page, 'audit');
    expect(await axeViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  }, 90_000);

  it('opens the report with its drafted text, and the admin pages', async () => {
    const { page, errors } = await watchedPage(suite.context);
    await signIn(page, suite.city, suite.city.token('admin'));
    await page.goto(`${suite.city.url}/report?from=2022-01-01&to=2022-06-30`);
    await expect(page.locator('#report-overview-text').innerText()).resolves.toContain('一、信访总体情况');
    await expect(page.locator('#report-work-text').innerText()).resolves.toContain('二、');
    await screenshot(page, 'report');
    expect(await axeViolations(page)).toEqual([]);
    await page.goto(`${suite.city.url}/admin/users`);
    await page.locator('.users-table tbody tr').first().waitFor();
    await page.getByLabel('姓名').fill('新登记员 测试');
    await page.getByRole('button', { name: '登记', exact: true }).click();
    await expect(page.locator('#users-new-token').innerText()).resolves.toMatch(/^pl_/);
    // The form starts again at the registrar role, never at admin.
    await expect(page.locator('#users-register select').first().inputValue()).resolves.toBe('registrar');
    await screenshot(page, 'admin-users');
    expect(await axeViolations(page)).toEqual([]);
    await page.goto(`${suite.city.url}/admin/reminders?date=2022-11-21`);
    await page.locator('#reminders-digest').waitFor();
    // A refused channel shows its error beside the URL; the corrected form is saved.
    await page.getByLabel('Webhook 网址').fill('not-a-url');
    await page.getByRole('button', { name: '保存渠道' }).click();
    await expect(page.locator('[data-field="url"] .field-error').innerText()).resolves.toContain('http(s)');
    await page.getByLabel('Webhook 网址').fill('https://hooks.example.invalid/bureau');
    await page.getByRole('button', { name: '保存渠道' }).click();
    await expect(page.locator('.notice[role="status"]', { hasText: '已保存渠道' }).innerText()).resolves.toContain(
      'bureau',
    );
    await expect(page.locator('[data-field="url"] .field-error').innerText()).resolves.toBe('');
    await screenshot(page, 'admin-reminders');
    expect(await axeViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  }, 90_000);
});
