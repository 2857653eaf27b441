import { axeViolations, navLabels, screenshot, signIn, watchedPage, webSuite } from './support/web-harness';

/** What each role finds in the navigation (API.md's role table; admin sees everything). */
const PAGES_BY_ROLE: Record<string, string[]> = {
  registrar: ['首页', '登记', '事项', '研判会', '半月通报', '月排名', '报告'],
  handler: ['首页', '事项', '半月通报', '月排名'],
  leader: ['首页', '事项', '研判会', '半月通报', '月排名', '报告'],
  analyst: ['首页', '事项', '研判会', '半月通报', '月排名', '报告'],
  auditor: ['事项', '研判会', '半月通报', '月排名', '报告', '审计'],
  admin: ['首页', '登记', '事项', '研判会', '半月通报', '月排名', '报告', '审计', '用户', '提醒'],
};

describe('signing in to the web UI (Chromium, the demo city)', () => {
  const suite = webSuite();

  it.each(Object.entries(PAGES_BY_ROLE))(
    'shows a %s only its pages, accessibly, without console errors',
    async (role, pages) => {
      const { page, errors } = await watchedPage(suite.context);
      await signIn(page, suite.city, suite.city.token(role));
      expect(await navLabels(page)).toEqual(pages);
      await expect(page.locator('.who-name').innerText()).resolves.toContain(
        { registrar: '登记员', handler: '经办人', leader: '领导', analyst: '分析员', auditor: '审计', admin: '管理员' }[
          role
        ]!,
      );
      // The token is in the tab's session storage, never in the URL.
      expect(page.url()).not.toContain(suite.city.token(role));
      expect(await page.evaluate(() => sessionStorage.getItem('petition-ledger.token'))).toBe(suite.city.token(role));
      await screenshot(page, `sign-in-${role}`);
      expect(await axeViolations(page)).toEqual([]);
      expect(errors).toEqual([]);
      await page.close();
    },
    60_000,
  );

  it('says in plain Chinese that a token is not valid, and signs out again', async () => {
    const { page, errors } = await watchedPage(suite.context);
    await page.goto(`${suite.city.url}/`);
    expect(await axeViolations(page)).toEqual([]);
    await page.getByLabel('访问令牌').fill('pl_not-a-real-token');
    await page.getByRole('button', { name: '登录' }).click();
    await expect(page.getByRole('alert').innerText()).resolves.toContain('登录已失效或令牌无效，请重新登录。');
    await screenshot(page, 'sign-in-refused');
    await signIn(page, suite.city, suite.city.token('leader'));
    await page.getByRole('button', { name: '退出' }).click();
    await page.getByLabel('访问令牌').waitFor();
    expect(await page.evaluate(() => sessionStorage.getItem('petition-ledger.token'))).toBeNull();
    expect(errors).toEqual([]);
    await page.close();
  }, 60_000);

  it('switches to English and back', async () => {
    const { page, errors } = await watchedPage(suite.context);
    await signIn(page, suite.city, suite.city.token('analyst'));
    await page.getByRole('button', { name: '切换到英文界面' }).click();
    await expect(navLabels(page)).resolves.toEqual([
      'Home',
      'Matters',
      'Weekly meeting',
      'Bulletin',
      'Ranking',
      'Reports',
    ]);
    await page.getByRole('button', { name: '中文' }).click();
    await expect(navLabels(page)).resolves.toEqual(['首页', '事项', '研判会', '半月通报', '月排名', '报告']);
    expect(errors).toEqual([]);
    await page.close();
  }, 60_000);
});
