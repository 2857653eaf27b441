import { axeViolations, screenshot, signIn, watchedPage, webSuite } from './support/web-harness';

describe('首页: the week at a glance (Chromium, the demo city)', () => {
  const suite = webSuite();

  it("draws the 12 weeks' contacts by channel, visits by category, skip-level visits and the campaign as SVG charts", async () => {
    const { page, errors } = await watchedPage(suite.context);
    await signIn(page, suite.city, suite.city.token('leader'));
    await page.goto(`${suite.city.url}/home?week=2022-W47`);
    await page.locator('#home-channels svg').waitFor();
    await expect(page.locator('h1').innerText()).resolves.toBe('首页 · 本周概览');
    await expect(page.locator('#home-summary').innerText()).resolves.toContain('2022-W47（2022-11-21 至 2022-11-27）');
    // SVG charts: their labels are text in the page.
    const channels = await page.locator('#home-channels svg').textContent();
    expect(channels).toContain('W36');
    expect(channels).toContain('W47');
    expect(channels).toMatch(/来访|网上信访/);
    await expect(page.locator('#home-skip-level svg').textContent()).resolves.toContain('省');
    await expect(page.locator('#home-campaign').innerText()).resolves.toContain('积案');
    await page.locator('#home-channels summary').click();
    await expect(page.locator('#home-channels table tbody tr').count()).resolves.toBe(12);
    await screenshot(page, 'home-leader');
    expect(await axeViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  }, 90_000);

  it('goes to another week from the week picker', async () => {
    const { page, errors } = await watchedPage(suite.context);
    await signIn(page, suite.city, suite.city.token('analyst'));
    await page.goto(`${suite.city.url}/home?week=2022-W47`);
    await page.locator('#home-channels svg').waitFor();
    await page.getByLabel('周次').fill('2022-W20');
    await page.getByRole('button', { name: '查看' }).click();
    await page.waitForURL(/week=2022-W20/);
    await expect(page.locator('#home-summary').innerText()).resolves.toContain('2022-W20');
    expect(errors).toEqual([]);
    await page.close();
  }, 90_000);

  it("redraws this week's figures live when a matter is registered elsewhere", async () => {
    const { page, errors } = await watchedPage(suite.context);
    await signIn(page, suite.city, suite.city.token('leader'));
    // This week (the default): the demo city's data ends in 2022, so it starts empty.
    await page.locator('#home-channels svg').waitFor();
    await page.locator('.live-badge[data-state="live"]').waitFor();
    await expect(page.locator('#home-summary').innerText()).resolves.toContain('本周：信访 0 批 0 人次');
    const res = await fetch(`${suite.city.url}/api/v1/matters`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${suite.city.token('registrar')}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({
        category: 'health',
        responsibleUnit: 'dept-health',
        summary: '反映医院收费问题',
        petitioners: [{ name: '李四' }],
        contact: { channel: 'visit', headcount: 2 },
      }),
    });
    expect(res.status).toBe(201);
    await page.locator('#home-summary', { hasText: '本周：信访 1 批 2 人次' }).waitFor({ timeout: 15_000 });
    await screenshot(page, 'home-live');
    expect(errors).toEqual([]);
    await page.close();
  }, 90_000);
});
