/// <reference lib="dom" />
import { INestApplication } from '@nestjs/common';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BrowserContext, chromium, ConsoleMessage, Page } from 'playwright-core';
import { loadConfig } from '@app/runtime';
import { createApp } from '../../../apps/api/src/create-app';
import { runDemo } from '../../../apps/cli/src/demo/run-demo';
import { DemoPrincipal } from '../../../apps/cli/src/demo/demo-simulation';
import { CHROMIUM, CHROMIUM_FLAGS } from '../../support/chromium';
import { ensureWebBuilt } from '../../support/web-build';

const FLAGS = [...CHROMIUM_FLAGS, '--lang=zh-CN'];
export const ADMIN_TOKEN = 'web-admin-token-0123456789abcdef';
export const VIEWPORT = { width: 1366, height: 768 };

/** Screenshots of every browser test run go here (printed once), kept after the run as its artifacts. */
let shotsDir: string | null = null;
function shots(): string {
  if (!shotsDir) {
    // One folder for the run's spec files (jest runs them in separate workers), replaced file by file.
    shotsDir = process.env.WEB_SHOTS_DIR ?? join(tmpdir(), 'petition-ledger-web-shots');
    mkdirSync(shotsDir, { recursive: true });
    process.stdout.write(`web UI screenshots: ${shotsDir}\n`);
  }
  return shotsDir;
}

export interface DemoCity {
  readonly url: string;
  readonly app: INestApplication;
  readonly dataDir: string;
  readonly principals: readonly DemoPrincipal[];
  /** The first demo principal of a role (admin: LEDGER_ADMIN_TOKEN). */
  token(role: string): string;
  handler(unit?: string): DemoPrincipal;
  close(): Promise<void>;
}

/**
 * The real server on an ephemeral port over a real SQLite data directory filled by
 * `ledger demo` (a small scale of the demo city, 2022 and the year before), serving the
 * built UI exactly as `npm start` does.
 */
export async function startDemoCity(scale = 0.03): Promise<DemoCity> {
  ensureWebBuilt();
  const dataDir = mkdtempSync(join(tmpdir(), 'petition-ledger-web-'));
  const config = loadConfig({ LEDGER_DATA_DIR: dataDir, LEDGER_LOG_LEVEL: 'silent', LEDGER_ADMIN_TOKEN: ADMIN_TOKEN });
  const demo = await runDemo({ config, seed: 7, year: 2022, scale });
  const app = await createApp(config);
  app.useLogger(false);
  await app.listen(0, '127.0.0.1');
  const { port } = app.getHttpServer().address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    app,
    dataDir,
    principals: demo.principals,
    token: (role) => (role === 'admin' ? ADMIN_TOKEN : demo.principals.find((p) => p.role === role)!.token),
    handler: (unit) => demo.principals.find((p) => p.role === 'handler' && (!unit || p.units.includes(unit)))!,
    close: async () => {
      await app.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export async function launchBrowser(): Promise<{ context: BrowserContext; close(): Promise<void> }> {
  const profile = mkdtempSync(join(tmpdir(), 'petition-ledger-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: FLAGS,
    viewport: VIEWPORT,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
  });
  return {
    context,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

export interface WatchedPage {
  readonly page: Page;
  /** Console errors, uncaught exceptions and refused CSP loads seen so far: a test ends with none. */
  readonly errors: string[];
}

/**
 * A new tab that records every console error (a CSP violation is one) and uncaught exception.
 * `expected` are the request failures a test provokes on purpose (e.g. a 400 it fixes), which
 * Chromium also reports on the console as "Failed to load resource".
 */
export async function watchedPage(context: BrowserContext): Promise<WatchedPage> {
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('console', (message: ConsoleMessage) => {
    if (message.type() !== 'error') return;
    // A refused API request is also logged by Chromium; the page shows it, the test checks that.
    if (/Failed to load resource: the server responded with a status of (400|401|403|404|409|422)/.test(message.text()))
      return;
    errors.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => errors.push(`page error: ${error.message}`));
  return { page, errors };
}

export async function signIn(page: Page, city: DemoCity, token: string): Promise<void> {
  await page.goto(`${city.url}/`);
  await page.getByLabel('访问令牌').fill(token);
  await page.getByRole('button', { name: '登录' }).click();
  await page.getByRole('button', { name: '退出' }).waitFor();
  await page.locator('main h1').first().waitFor();
}

/** Waits until the page shown has rendered (its loading line gone, its heading there). */
export async function settled(page: Page): Promise<void> {
  await page.locator('main h1').first().waitFor();
  await page.locator('main .loading').waitFor({ state: 'detached' });
}

/** The labels of the main navigation, in order. */
export async function navLabels(page: Page): Promise<string[]> {
  return page.locator('header nav a').allInnerTexts();
}

const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

export interface AxeViolation {
  readonly id: string;
  readonly impact: string | null;
  readonly help: string;
  readonly nodes: string[];
}

/** axe-core's serious and critical violations on the page as it is now (its source evaluated in the page). */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  await page.evaluate(AXE_SOURCE);
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(context: Document, options: object): Promise<unknown> } }).axe;
    const result = (await axe.run(document, { resultTypes: ['violations'] })) as {
      violations: { id: string; impact: string | null; help: string; nodes: { target: string[] }[] }[];
    };
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n) => n.target.join(' ')),
    }));
  });
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

export async function screenshot(page: Page, name: string): Promise<string> {
  const path = join(shots(), `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}

export interface WebSuite {
  readonly city: DemoCity;
  readonly context: BrowserContext;
}

/** A describe block's demo city and browser, started before its tests and closed after them. */
export function webSuite(scale?: number): WebSuite {
  let city: DemoCity | undefined;
  let browser: Awaited<ReturnType<typeof launchBrowser>> | undefined;
  beforeAll(async () => {
    city = await startDemoCity(scale);
    browser = await launchBrowser();
  }, 240_000);
  afterAll(async () => {
    await browser?.close();
    await city?.close();
  });
  return {
    get city() {
      return city!;
    },
    get context() {
      return browser!.context;
    },
  };
}
