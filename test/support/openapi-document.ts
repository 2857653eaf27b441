import { copyFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TestApp } from './test-app';

/** The repository root: redocly.yaml and its ignore file live there. */
const ROOT = join(__dirname, '..', '..');

/** Redocly CLI and openapi-typescript never phone home from a test (no network but the npm registry). */
export const NO_TELEMETRY = {
  REDOCLY_TELEMETRY: 'off',
  REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true',
  REDOCLY_SUPPRESS_NOTIFICATIONS: 'true',
};

export interface OpenApiOperation {
  operationId?: string;
  summary?: string;
  security?: Record<string, string[]>[];
  responses: Record<string, { description: string; content?: Record<string, { schema?: { $ref?: string } }> }>;
}

export interface OpenApiDocument {
  paths: Record<string, Record<string, OpenApiOperation>>;
  components: { schemas: Record<string, unknown>; securitySchemes?: Record<string, unknown> };
  servers?: { url: string }[];
}

/** The document the real app serves at /api/docs-json. */
export async function servedDocument(t: TestApp): Promise<OpenApiDocument> {
  const res = await t.http().get('/api/docs-json').expect(200);
  return res.body as OpenApiDocument;
}

/**
 * A temporary directory holding the document as `openapi.json` next to copies of the project's
 * redocly.yaml and .redocly.lint-ignore.yaml, as a developer would lint it in the repository root.
 */
export function documentDir(document: OpenApiDocument): string {
  const dir = mkdtempSync(join(tmpdir(), 'petition-ledger-openapi-'));
  writeFileSync(join(dir, 'openapi.json'), JSON.stringify(document, null, 2));
  for (const file of ['redocly.yaml', '.redocly.lint-ignore.yaml']) copyFileSync(join(ROOT, file), join(dir, file));
  return dir;
}

/** Every operation with its method and path. */
export function operationsOf(document: OpenApiDocument): { method: string; path: string; op: OpenApiOperation }[] {
  return Object.entries(document.paths).flatMap(([path, item]) =>
    Object.entries(item).map(([method, op]) => ({ method, path, op })),
  );
}
