/**
 * The HTTP client of the UI: JSON to and from /api/v1 with the bearer token, every refusal
 * as an ApiProblem (RFC 9457) so that pages show one kind of error.
 */
export interface FieldError {
  readonly field: string;
  readonly message: string;
}

export interface ProblemBody {
  readonly type?: string;
  readonly title?: string;
  readonly status?: number;
  readonly detail?: string;
  readonly errors?: readonly FieldError[];
  readonly [extra: string]: unknown;
}

export class ApiProblem extends Error {
  readonly status: number;
  readonly type: string;
  readonly title: string;
  readonly detail: string;
  readonly errors: readonly FieldError[];

  /** status 0: the server could not be reached at all. */
  constructor(
    status: number,
    readonly body: ProblemBody = {},
  ) {
    super(body.detail ?? body.title ?? `HTTP ${status}`);
    this.name = 'ApiProblem';
    this.status = status;
    this.type = body.type ?? 'about:blank';
    this.title = body.title ?? '';
    this.detail = body.detail ?? '';
    this.errors = Array.isArray(body.errors) ? body.errors : [];
  }

  /** The last part of the problem type, e.g. `idempotency-key-reused`, `rules/unknown-unit`. */
  get slug(): string {
    return this.type.replace(/^.*\/problems\//, '');
  }
}

export interface WriteResult {
  readonly id: string;
  readonly revision: number;
  readonly position: string;
}

export interface WriteOptions {
  /** One per form submission: a retry or double click sends the same key, so nothing is recorded twice. */
  readonly idempotencyKey?: string;
  /** The stream revision the form was filled against: a write over someone else's is refused (409). */
  readonly ifMatch?: number;
}

export type Query = Record<string, string | number | boolean | null | undefined>;

export const API_BASE = '/api/v1';

export function queryString(query: Query = {}): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === null || value === undefined || value === '') continue;
    params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}

type Fetch = (input: string, init?: RequestInit) => Promise<Response>;

export class ApiClient {
  constructor(
    private readonly token: () => string | null,
    /** Called on every 401: the token is gone or was revoked, so the session ends. */
    private readonly onUnauthorized: (problem: ApiProblem) => void = () => undefined,
    private readonly fetchFn: Fetch = (input, init) => fetch(input, init),
  ) {}

  get<T>(path: string, query?: Query): Promise<T> {
    return this.request<T>('GET', `${path}${queryString(query)}`);
  }

  post<T = WriteResult>(path: string, body: unknown, options: WriteOptions = {}): Promise<T> {
    const headers: Record<string, string> = { 'Content-Type': 'application/json' };
    if (options.idempotencyKey) headers['Idempotency-Key'] = options.idempotencyKey;
    if (options.ifMatch !== undefined) headers['If-Match'] = `"${options.ifMatch}"`;
    return this.request<T>('POST', path, JSON.stringify(body), headers);
  }

  private async request<T>(method: string, path: string, body?: string, extra: Record<string, string> = {}) {
    const headers: Record<string, string> = { Accept: 'application/json', ...extra };
    const token = this.token();
    if (token) headers.Authorization = `Bearer ${token}`;
    let response: Response;
    try {
      response = await this.fetchFn(`${API_BASE}${path}`, { method, headers, body, credentials: 'omit' });
    } catch {
      throw new ApiProblem(0, { title: 'network', detail: '' });
    }
    const text = await response.text();
    const parsed = parse(text);
    if (!response.ok) {
      const problem = new ApiProblem(response.status, isObject(parsed) ? (parsed as ProblemBody) : {});
      if (response.status === 401) this.onUnauthorized(problem);
      throw problem;
    }
    return parsed as T;
  }
}

function parse(text: string): unknown {
  if (!text) return null;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A fresh Idempotency-Key (crypto-random, ≤ 128 characters). */
export function newIdempotencyKey(): string {
  return `web-${crypto.randomUUID()}`;
}
