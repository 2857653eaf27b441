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

export interface JsonSchema {
  type?: string;
  nullable?: boolean;
  properties?: Record<string, JsonSchema>;
  additionalProperties?: boolean | JsonSchema;
  required?: string[];
  items?: JsonSchema;
  oneOf?: JsonSchema[];
  enum?: unknown[];
  $ref?: string;
}

/**
 * Where `value` departs from `schema`: a required member missing, a member of another type or
 * outside its enum, and (unless the schema allows additional properties) a member it does not document.
 */
export function schemaViolations(
  schemas: Record<string, JsonSchema>,
  schema: JsonSchema,
  value: unknown,
  at = '',
): string[] {
  const resolved = schema.$ref ? schemas[schema.$ref.replace('#/components/schemas/', '')] : schema;
  const where = at || '.';
  if (resolved.oneOf) {
    const fits = resolved.oneOf.some((option) => schemaViolations(schemas, option, value, at).length === 0);
    return fits ? [] : [`${where} fits none of its oneOf`];
  }
  if (value === null) return resolved.nullable || resolved.type === 'null' ? [] : [`${where} is null`];
  const actual = Array.isArray(value) ? 'array' : Number.isInteger(value) ? 'integer' : typeof value;
  const fits =
    resolved.type === undefined || resolved.type === actual || (resolved.type === 'number' && actual === 'integer');
  if (!fits) return [`${where} is ${actual}, documented ${resolved.type}`];
  if (resolved.enum && !resolved.enum.includes(value)) return [`${where} is ${String(value)}, not in its enum`];
  if (actual === 'array')
    return (value as unknown[]).flatMap((item, i) =>
      schemaViolations(schemas, resolved.items ?? {}, item, `${at}[${i}]`),
    );
  if (actual !== 'object') return [];
  const object = value as Record<string, unknown>;
  const properties = resolved.properties ?? {};
  const open = resolved.properties === undefined || resolved.additionalProperties !== undefined;
  return [
    ...(resolved.required ?? []).filter((key) => !(key in object)).map((key) => `${at}.${key} is missing`),
    ...Object.keys(object)
      .filter((key) => !(key in properties) && !open)
      .map((key) => `${at}.${key} is not documented`),
    ...Object.entries(properties)
      .filter(([key]) => key in object)
      .flatMap(([key, member]) => schemaViolations(schemas, member, object[key], `${at}.${key}`)),
  ];
}
