/// <reference lib="dom" />
// The page functions below run inside Chromium, where the DOM exists.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { BrowserContext, chromium } from 'playwright-core';
import type { Test } from 'supertest';
import { auth } from './support/actors';
import { CHROMIUM, CHROMIUM_FLAGS as FLAGS } from './support/chromium';
import { API, day, RhythmFixture } from './support/rhythm-fixture';
import { startTestApp, TestApp } from './support/test-app';
import { bulletinHtml } from '@app/projections';
import { sampleBulletin } from '@app/projections/testing';

/** A4 landscape less the @page margins (15 mm each side), in CSS pixels (96 per inch). */
const CONTENT_WIDTH_PX = ((297 - 2 * 15) / 25.4) * 96;
const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const EVIL = '=HYPERLINK("http://x","点我")';

const binary: Parameters<Test['parse']>[0] = (res, callback) => {
  const chunks: Buffer[] = [];
  res.on('data', (chunk: Buffer) => chunks.push(chunk));
  res.on('end', () => callback(null, Buffer.concat(chunks)));
};

/** What a table's widths are in the print layout, against the page box's content width. */
async function tableWidths(browser: BrowserContext, html: string) {
  const page = await browser.newPage();
  try {
    await page.setViewportSize({ width: Math.floor(CONTENT_WIDTH_PX), height: 700 });
    await page.emulateMedia({ media: 'print' });
    await page.setContent(html);
    return await page.evaluate(() =>
      Array.from(document.querySelectorAll('table')).map((t) => ({
        id: t.id,
        width: t.getBoundingClientRect().width,
        scroll: t.scrollWidth,
        page: document.documentElement.clientWidth,
      })),
    );
  } finally {
    await page.close();
  }
}

describe('the printed bulletin, rendered by Chromium to PDF on A4 landscape', () => {
  let profile: string;
  let browser: BrowserContext;
  beforeAll(async () => {
    profile = mkdtempSync(join(tmpdir(), 'bulletin-chromium-'));
    browser = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      args: FLAGS,
    });
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    rmSync(profile, { recursive: true, force: true });
  });

  it('fits the main table and the appendix tables within the page width, and prints A4 landscape pages', async () => {
    const page = await browser.newPage();
    // The page box's content width as the viewport: what the print layout has to fit in.
    await page.setViewportSize({ width: Math.floor(CONTENT_WIDTH_PX), height: 700 });
    await page.emulateMedia({ media: 'print' });
    await page.setContent(bulletinHtml(sampleBulletin(30), { issuingOffice: '青禾市信访工作领导小组办公室' }));
    const widths = await page.evaluate(() =>
      Array.from(document.querySelectorAll('table')).map((t) => ({
        id: t.id,
        width: t.getBoundingClientRect().width,
        scroll: t.scrollWidth,
        page: document.documentElement.clientWidth,
      })),
    );
    expect(widths.map((w) => w.id)).toEqual(['main-table', 'appendix-1', 'appendix-2']);
    for (const w of widths) {
      expect(w.width).toBeLessThanOrEqual(CONTENT_WIDTH_PX);
      expect(w.scroll).toBeLessThanOrEqual(w.page);
    }
    // No unit name wraps to one character a line: the name column is wider than the longest name's half.
    const nameCell = await page.evaluate(() => {
      const cell = document.querySelector('#main-table tbody tr:not(.section) td') as HTMLElement;
      return {
        height: cell.getBoundingClientRect().height,
        lineHeight: parseFloat(getComputedStyle(cell).fontSize) * 2,
      };
    });
    expect(nameCell.height).toBeLessThan(nameCell.lineHeight + 10);
    const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
    const text = pdf.toString('latin1');
    const boxes = [...text.matchAll(/\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/g)].map((m) => [
      Math.round(Number(m[1])),
      Math.round(Number(m[2])),
    ]);
    // 297 × 210 mm in points (842 × 595), landscape; the bulletin and its appendix take more than one page.
    expect(boxes.length).toBeGreaterThan(1);
    for (const [w, h] of boxes) expect([w, h]).toEqual([842, 595]);
    await page.close();
  }, 60_000);

  describe('through the HTTP API, with a unit named like a spreadsheet formula', () => {
    let t: TestApp;
    let f: RhythmFixture;
    const get = (path: string) => t.http().get(`${API}${path}`).set(auth(f.leader));
    beforeAll(async () => {
      t = await startTestApp({ LEDGER_ISSUING_OFFICE: '青禾市信访工作领导小组办公室' });
      f = new RhythmFixture(t);
      await f.setUp([
        { code: 'town-evil', name: EVIL, kind: 'town' },
        { code: 'town-a', name: '城关镇', kind: 'town' },
      ]);
      await f.open('E1', 'town-evil', day('04-03', '09:00'));
      await f.contact('E1', day('04-06'));
      await f.open('A1', 'town-a', day('04-04', '09:00'));
    }, 60_000);
    afterAll(() => t?.close());

    it('writes the name into the CSV as text, never as a live formula', async () => {
      const csv = (await get('/bulletins/2022-04-H1').set('Accept', 'text/csv').expect(200)).text;
      const line = csv.split('\r\n').find((l) => l.startsWith('town-evil,'))!;
      expect(line.startsWith(`town-evil,"'=HYPERLINK(""http://x"",""点我"")",镇办,2,2,0,1,50,`)).toBe(true);
    });

    it('keeps it a text cell in the XLSX, under the title block', async () => {
      const res = await get('/bulletins/2022-04-H1').set('Accept', XLSX_TYPE).buffer(true).parse(binary).expect(200);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(res.body as Parameters<typeof wb.xlsx.load>[0]);
      const sheet = wb.getWorksheet('半月通报')!;
      expect(sheet.getCell('A2').value).toBe('青禾市信访工作领导小组办公室　　2022年第7期　　2022年4月15日');
      const cells = sheet.getColumn(1).values as unknown[];
      const row = cells.indexOf(EVIL);
      expect(row).toBeGreaterThan(0);
      expect(sheet.getCell(row, 1).type).toBe(ExcelJS.ValueType.String);
      expect(sheet.getCell(row, 5).value).toBe(0.5);
    });

    it('prints the HTML with the issuing office from configuration, within the page width', async () => {
      const html = (await get('/bulletins/2022-04-H1').set('Accept', 'text/html').expect(200)).text;
      expect(html).toContain('青禾市信访工作领导小组办公室');
      expect(html).not.toContain(EVIL);
      for (const w of await tableWidths(browser, html)) expect(w.width).toBeLessThanOrEqual(CONTENT_WIDTH_PX);
    });
  });
});
