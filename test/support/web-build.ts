import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');
const WEB = join(ROOT, 'apps', 'web');
export const WEB_DIST = join(ROOT, 'dist', 'web');
const LOCK = join(ROOT, '.tmp', 'web-build.lock');

function newestSource(dir: string): number {
  let newest = 0;
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    const stat = statSync(path);
    if (stat.isDirectory()) newest = Math.max(newest, newestSource(path));
    // What the build reads: the sources, index.html and the Vite config (not the specs, not the README).
    else if (/\.(ts|mts|css|html)$/.test(name) && !name.endsWith('.spec.ts')) newest = Math.max(newest, stat.mtimeMs);
  }
  return newest;
}

function fresh(): boolean {
  const index = join(WEB_DIST, 'index.html');
  return existsSync(index) && statSync(index).mtimeMs >= newestSource(WEB);
}

function sleep(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/**
 * The web UI as `npm run build` makes it (dist/web), built here when it is missing or older
 * than apps/web: so `npm ci && npm test` needs nothing else. One builder at a time across
 * jest's workers (a lock folder); the others wait and use its result.
 */
export function ensureWebBuilt(): string {
  if (fresh()) return WEB_DIST;
  mkdirSync(join(ROOT, '.tmp'), { recursive: true });
  const deadline = Date.now() + 180_000;
  for (;;) {
    try {
      mkdirSync(LOCK);
      break;
    } catch {
      if (fresh()) return WEB_DIST;
      // A builder that died leaves its lock: take it over after a build's worth of time.
      if (Date.now() - statSync(LOCK, { throwIfNoEntry: false })!.mtimeMs > 120_000)
        rmSync(LOCK, { recursive: true, force: true });
      if (Date.now() > deadline) throw new Error('the web UI build lock was not released');
      sleep(250);
    }
  }
  try {
    if (!fresh()) {
      const vite = join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js');
      execFileSync(process.execPath, [vite, 'build', '--config', join(WEB, 'vite.config.mts'), '--logLevel', 'warn'], {
        cwd: ROOT,
        stdio: ['ignore', 'ignore', 'inherit'],
      });
    }
  } finally {
    rmSync(LOCK, { recursive: true, force: true });
  }
  return WEB_DIST;
}
