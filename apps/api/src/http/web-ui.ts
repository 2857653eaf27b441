import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { NextFunction, Request, Response } from 'express';
import helmet from 'helmet';

/**
 * The browser UI (apps/web) is built by `npm run build` into dist/web beside the server, and
 * served by this same process at `/`: no second server, nothing fetched at run time.
 */

/** The Content-Security-Policy of every response: no inline script, no framing, nothing from elsewhere. */
export const CONTENT_SECURITY_POLICY = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  // ECharts and the Swagger UI set style attributes on the elements they draw; no inline <style> or script.
  styleSrc: ["'self'"],
  styleSrcAttr: ["'unsafe-inline'"],
  imgSrc: ["'self'", 'data:'],
  fontSrc: ["'self'"],
  connectSrc: ["'self'"],
  objectSrc: ["'none'"],
  baseUri: ["'none'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
  upgradeInsecureRequests: null,
};

/** Security headers on every response (pages, assets, API answers and problems). */
export function securityHeaders(): (req: Request, res: Response, next: NextFunction) => void {
  const middleware = helmet({
    contentSecurityPolicy: { useDefaults: false, directives: CONTENT_SECURITY_POLICY },
    referrerPolicy: { policy: 'no-referrer' },
    frameguard: { action: 'deny' },
    // An office network may be plain HTTP: HSTS is for the TLS terminator in front of it to set.
    strictTransportSecurity: false,
    crossOriginEmbedderPolicy: false,
  });
  // Every directive is a constant, so helmet's headers are the same for every request: they are
  // taken from one run of its middleware chain and set in the same order, without rebuilding the
  // policy and passing through a dozen middlewares per request.
  const steps: Array<[name: string, value?: string]> = [];
  let done = false;
  const recorder = {
    setHeader: (name: string, value: unknown) => steps.push([name, String(value)]),
    removeHeader: (name: string) => steps.push([name]),
  };
  middleware({} as Request, recorder as unknown as Response, (error?: unknown) => (done = error === undefined));
  if (!done) return middleware;
  return (_req, res, next) => {
    for (const [name, value] of steps) {
      if (value === undefined) res.removeHeader(name);
      else res.setHeader(name, value);
    }
    next();
  };
}

/** The repository (or image) root: the nearest folder up from here with a package.json. */
function packageRoot(from: string): string {
  let dir = from;
  while (!existsSync(join(dir, 'package.json'))) {
    const parent = dirname(dir);
    if (parent === dir) return from;
    dir = parent;
  }
  return dir;
}

/** Where the built UI is: dist/web under the package root (the same from the sources and from dist). */
export function webDistDir(): string {
  return join(packageRoot(__dirname), 'dist', 'web');
}

/** Paths the UI never answers: the API, its documents and the health probes stay the API's (and its problems). */
const SERVER_PATHS = /^\/(api|health)(\/|$)/;
/** Vite writes content-hashed file names under assets/: they never change, so they may be kept for a year. */
const HASHED_ASSET = /^\/assets\//;

export function serveWebUi(app: NestExpressApplication, dir = webDistDir()): void {
  const indexFile = join(dir, 'index.html');
  app.useStaticAssets(dir, {
    index: false,
    redirect: false,
    fallthrough: true,
    setHeaders: (res, path) => {
      const relative = path.slice(dir.length).replace(/\\/g, '/');
      res.setHeader('Cache-Control', HASHED_ASSET.test(relative) ? 'public, max-age=31536000, immutable' : 'no-cache');
    },
  });
  // Every other GET of a page path is the single-page app: its router shows the page (or "not found").
  app.use((req: Request, res: Response, next: NextFunction) => {
    if ((req.method !== 'GET' && req.method !== 'HEAD') || SERVER_PATHS.test(req.path) || HASHED_ASSET.test(req.path)) {
      return next();
    }
    if (!existsSync(indexFile)) return next();
    res.setHeader('Cache-Control', 'no-cache');
    res.type('html').send(readFileSync(indexFile));
  });
}
