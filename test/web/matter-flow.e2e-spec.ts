import type { Page } from 'playwright-core';
import { axeViolations, screenshot, settled, signIn, watchedPage, webSuite } from './support/web-harness';

/** A subject no demo matter has, to find the new matter by. */
const SUBJECT = '网页测试花园小区';
const UNIT = 'town-chengguan';

async function openForm(page: Page) {
  return page.locator('#open-matter-form');
}

describe('登记 → 事项 → a handler accepts and replies (Chromium, the demo city)', () => {
  const suite = webSuite();
  let matterId = '';

  it('filters the matters by unit, status, overdue and dates, and pages forward and back', async () => {
    const { page, errors } = await watchedPage(suite.context);
    await signIn(page, suite.city, suite.city.token('leader'));
    await page.goto(`${suite.city.url}/matters`);
    await settled(page);
    const rows = page.locator('.matters-table tbody tr');
    await expect(rows.count()).resolves.toBe(50);
    const first = await rows.first().locator('a').innerText();
    await page.getByRole('link', { name: '下一页' }).click();
    await page.waitForURL(/cursor=/);
    await settled(page);
    await expect(page.locator('.pager').innerText()).resolves.toContain('第 2 页');
    expect(await rows.first().locator('a').innerText()).not.toBe(first);
    await page.getByRole('link', { name: '上一页' }).click();
    await page.waitForURL((url) => !url.search.includes('cursor='));
    await settled(page);
    await expect(page.locator('.pager').innerText()).resolves.toContain('第 1 页');
    expect(await rows.first().locator('a').innerText()).toBe(first);

    await page.getByLabel('单位').selectOption(UNIT);
    await page.getByLabel('状态').selectOption('replied');
    await page.getByLabel('登记日期自').fill('2022-01-01');
    await page.getByLabel('登记日期至').fill('2022-12-31');
    await page.getByRole('button', { name: '查询' }).click();
    await page.waitForURL(/status=replied/);
    await settled(page);
    const texts = await rows.allInnerTexts();
    expect(texts.length).toBeGreaterThan(0);
    for (const row of texts) {
      expect(row).toContain('已答复');
      expect(row).toMatch(/\t2022-\d{2}-\d{2}\t/);
    }
    await page.getByLabel('状态').selectOption('');
    await page.getByLabel('是否逾期').selectOption('true');
    await page.getByRole('button', { name: '查询' }).click();
    await page.waitForURL(/overdue=true/);
    await settled(page);
    await screenshot(page, 'matters-overdue');
    expect(await axeViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  }, 90_000);

  it('registers a matter with a validation error fixed inline, then masks the petitioner', async () => {
    const { page, errors } = await watchedPage(suite.context);
    await signIn(page, suite.city, suite.city.token('registrar'));
    await page.getByRole('link', { name: '登记' }).click();
    await expect(page.locator('h1').innerText()).resolves.toBe('登记');
    const form = await openForm(page);
    await form.getByLabel('问题类别').selectOption('labour_social_security');
    await form.getByLabel('责任单位').selectOption(UNIT);
    await form.getByLabel('涉及对象').fill(SUBJECT);
    await form.getByLabel('姓名').fill('张三丰');
    await form.getByLabel('身份证号').fill('11010119900307123X');
    await form.getByLabel('联系电话').fill('13812345678');
    await form.getByLabel('人数').fill('3');
    // The summary is left empty: the API's 400 names the field, shown beside it.
    await form.getByRole('button', { name: '保存登记' }).click();
    await expect(form.getByRole('alert').innerText()).resolves.toContain('填写的内容有误，请按提示修改。');
    const summary = form.getByLabel('诉求摘要');
    await expect(summary.getAttribute('aria-invalid')).resolves.toBe('true');
    await expect(form.locator('[data-field="summary"] .field-error').innerText()).resolves.toBe('必填');
    await expect(page.evaluate(() => document.activeElement?.getAttribute('name'))).resolves.toBe('summary');
    await screenshot(page, 'register-invalid');
    expect(await axeViolations(page)).toEqual([]);

    await summary.fill('反映小区物业拖欠维修基金');
    // A double click submits once: the form is busy, and its Idempotency-Key is the same.
    await form.getByRole('button', { name: '保存登记' }).dblclick();
    const notice = form.getByRole('status').filter({ hasText: '已登记事项' });
    await notice.waitFor();
    matterId = /已登记事项 (\S+)。/.exec(await notice.innerText())![1];
    await expect(summary.getAttribute('aria-invalid')).resolves.toBeNull();
    // Saved: the personal data is off the screen but for its masks.
    const body = await page.locator('body').innerText();
    expect(body).toContain('张**');
    expect(body).toContain('110101********123X');
    expect(body).toContain('138****5678');
    expect(body).not.toContain('11010119900307123X');
    expect(body).not.toContain('13812345678');
    await expect(form.getByLabel('姓名').inputValue()).resolves.toBe('');
    await screenshot(page, 'register-saved');
    expect(errors).toEqual([]);

    // Only one matter with this subject: the double click recorded it once (the list's read
    // model may be a moment behind the write, so it is asked until it has caught up).
    const headers = { Authorization: `Bearer ${suite.city.token('registrar')}` };
    const position = (await (await fetch(`${suite.city.url}/health/ready`)).json()) as {
      info: { ledger: { position: string } };
    };
    const res = await fetch(
      `${suite.city.url}/api/v1/matters?subject=${encodeURIComponent(SUBJECT)}&minPosition=${position.info.ledger.position}`,
      { headers },
    );
    const list = (await res.json()) as { items: { id: string }[] };
    expect(list.items.map((m) => m.id)).toEqual([matterId]);
    await page.close();
  }, 90_000);

  it('records a further contact, and says plainly when the matter number is unknown', async () => {
    const { page, errors } = await watchedPage(suite.context);
    await signIn(page, suite.city, suite.city.token('registrar'));
    await page.goto(`${suite.city.url}/register`);
    const form = page.locator('#record-contact-form');
    await form.getByLabel('事项编号').fill('XF-NO-SUCH');
    await form.getByRole('button', { name: '保存再次信访' }).click();
    await form.locator('[data-field="matterId"] .field-error', { hasText: '没有这个事项' }).waitFor();
    await form.getByLabel('事项编号').fill(matterId);
    await form.getByLabel('渠道').selectOption('online');
    await form.getByLabel('网上信访来源').selectOption('national_platform');
    await form.getByRole('button', { name: '保存再次信访' }).click();
    await form
      .getByRole('status')
      .filter({ hasText: `已为事项 ${matterId} 记录再次信访` })
      .waitFor();
    expect(errors).toEqual([]);
    await page.close();
  }, 90_000);

  it('finds it in 事项 by its subject and shows its clock and timeline; the registrar transfers it', async () => {
    const { page, errors } = await watchedPage(suite.context);
    await signIn(page, suite.city, suite.city.token('registrar'));
    await page.getByRole('link', { name: '事项' }).click();
    await page.getByLabel('涉及对象').fill(SUBJECT);
    await page.getByRole('button', { name: '查询' }).click();
    await page.waitForURL(/subject=/);
    await settled(page);
    const rows = page.locator('.matters-table tbody tr');
    await expect(rows.count()).resolves.toBe(1);
    await screenshot(page, 'matters-search');
    expect(await axeViolations(page)).toEqual([]);
    await rows.getByRole('link', { name: matterId }).click();
    await expect(page.locator('h1').innerText()).resolves.toBe(`事项 ${matterId}`);
    await expect(page.locator('#matter-facts').innerText()).resolves.toContain('已登记');
    const timeline = page.locator('#matter-timeline');
    await expect(timeline.innerText()).resolves.toContain('登记事项');
    await expect(timeline.locator('tbody tr').count()).resolves.toBe(3);
    await expect(page.locator('#matter-clock').innerText()).resolves.toMatch(/转送交办.*还剩 \d+ 天/s);
    const assign = page.locator('#form-assignment');
    await assign.getByLabel('单位').selectOption(UNIT);
    await assign.getByRole('button', { name: '保存' }).click();
    await page.locator('.notice', { hasText: '已保存' }).waitFor();
    await page.locator('#matter-facts', { hasText: '待受理' }).waitFor();
    await screenshot(page, 'matter-registrar');
    expect(await axeViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  }, 90_000);

  it("lets the handler of the unit accept and reply, with If-Match, and the leader's open page follows live", async () => {
    const { page, errors } = await watchedPage(suite.context);
    await signIn(page, suite.city, suite.city.handler(UNIT).token);
    await page.goto(`${suite.city.url}/matters/${matterId}`);
    const accept = page.locator('#form-acceptance');
    await accept.getByLabel('是否受理').selectOption('true');
    await accept.getByRole('button', { name: '保存' }).click();
    await page.locator('.notice', { hasText: '已保存' }).waitFor();
    await page.locator('#matter-facts', { hasText: '办理中' }).waitFor();
    await expect(page.locator('#matter-clock').innerText()).resolves.toMatch(/办理答复.*还剩 \d+ 天/s);
    await screenshot(page, 'matter-handler-accepted');
    expect(await axeViolations(page)).toEqual([]);

    // A leader has the matter open meanwhile: it follows the handler's writes live.
    const leader = await watchedPage(suite.context);
    await signIn(leader.page, suite.city, suite.city.token('leader'));
    await leader.page.goto(`${suite.city.url}/matters/${matterId}`);
    await settled(leader.page);
    await expect(leader.page.locator('#matter-facts').innerText()).resolves.toContain('办理中');
    await leader.page.locator('.live-badge[data-state="live"]').waitFor();

    // The handler fills in the reply; someone else writes on the matter meanwhile (here: the API
    // directly). The page says so live without dropping the form, and its write over the old
    // revision is refused (If-Match).
    let reply = page.locator('#form-reply');
    await reply.getByLabel('答复结果').selectOption('supported');
    await reply.getByLabel('答复意见').fill('已督促物业公司限期返还维修基金');
    const token = suite.city.handler(UNIT).token;
    const other = await fetch(`${suite.city.url}/api/v1/matters/${matterId}/actions`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ kind: 'site_visit', note: '到小区现场核实' }),
    });
    expect(other.status).toBe(201);
    await page.getByRole('status').filter({ hasText: '此事项刚有新的记录。' }).waitFor({ timeout: 15_000 });
    await expect(reply.getByLabel('答复意见').inputValue()).resolves.toBe('已督促物业公司限期返还维修基金');
    await reply.getByRole('button', { name: '保存' }).click();
    await expect(reply.getByRole('alert').innerText()).resolves.toContain('这条记录已被他人更新，请刷新后再试。');
    // The leader's page, untouched, has already redrawn with the other write.
    await leader.page.locator('#matter-timeline', { hasText: '到小区现场核实' }).waitFor({ timeout: 15_000 });
    await page.reload();
    await expect(page.locator('#matter-timeline').innerText()).resolves.toContain('到小区现场核实');

    reply = page.locator('#form-reply');
    await reply.getByLabel('答复结果').selectOption('supported');
    // An empty reply is refused beside its field first.
    await reply.getByRole('button', { name: '保存' }).click();
    await reply.locator('[data-field="note"] .field-error', { hasText: '必填' }).waitFor();
    await reply.getByLabel('答复意见').fill('已督促物业公司限期返还维修基金');
    await reply.getByRole('button', { name: '保存' }).click();
    await page.locator('.notice', { hasText: '已保存' }).waitFor();
    await page.locator('#matter-facts', { hasText: '已答复' }).waitFor();
    await expect(page.locator('#matter-timeline').innerText()).resolves.toContain('已督促物业公司限期返还维修基金');
    await expect(page.locator('#matter-clock').innerText()).resolves.toMatch(/办理答复.*已于 \d{4}-\d{2}-\d{2} 办结/s);
    await screenshot(page, 'matter-handler-replied');
    // ...and the leader's open page shows the reply within seconds, without a reload.
    await leader.page.locator('#matter-facts', { hasText: '已答复' }).waitFor({ timeout: 15_000 });
    await expect(leader.page.locator('#matter-timeline').innerText()).resolves.toContain(
      '已督促物业公司限期返还维修基金',
    );
    await screenshot(leader.page, 'matter-leader-live');
    expect(leader.errors).toEqual([]);
    await leader.page.close();
    expect(errors).toEqual([]);
    await page.close();
  }, 90_000);
});
