import { ArgumentsHost, Logger, NotFoundException } from '@nestjs/common';
import { RuleViolation } from '@app/domain';
import { IdempotencyConflictError, InvalidAppendError, WrongExpectedRevisionError } from '@app/ledger';
import { problemForDomainError } from './domain-problems';
import { ProblemException } from './problem';
import { ProblemFilter, registerProblemMapper } from './problem.filter';

/** What the filter writes to the response: a fake that records it. */
class FakeResponse {
  statusCode?: number;
  contentType?: string;
  body?: string;
  status(code: number): this {
    this.statusCode = code;
    return this;
  }
  type(contentType: string): this {
    this.contentType = contentType;
    return this;
  }
  send(body: string): this {
    this.body = body;
    return this;
  }
  json(): Record<string, unknown> {
    return JSON.parse(this.body ?? 'null') as Record<string, unknown>;
  }
}

function hostFor(response: FakeResponse, originalUrl = '/api/v1/matters/M-1?minPosition=3'): ArgumentsHost {
  const request = { path: originalUrl.split('?')[0], originalUrl, body: { name: '张三' } };
  return {
    switchToHttp: () => ({ getRequest: () => request, getResponse: () => response }),
  } as unknown as ArgumentsHost;
}

describe('ProblemFilter', () => {
  let logged: unknown[][];
  let sut: ProblemFilter;

  beforeAll(() => registerProblemMapper(problemForDomainError));
  beforeEach(() => {
    logged = [];
    jest.spyOn(Logger.prototype, 'error').mockImplementation((...args: unknown[]) => {
      logged.push(args);
    });
    sut = new ProblemFilter();
  });
  afterEach(() => jest.restoreAllMocks());

  function render(error: unknown, url?: string): FakeResponse {
    const response = new FakeResponse();
    sut.catch(error, hostFor(response, url));
    return response;
  }

  it('renders a ProblemException as application/problem+json with the path (no query) as instance', () => {
    const response = render(new ProblemException(404, 'not-found', 'Not found', 'no matter M-1'));
    expect(response.statusCode).toBe(404);
    expect(response.contentType).toBe('application/problem+json');
    expect(response.json()).toEqual({
      type: 'https://petition-ledger.org/problems/not-found',
      title: 'Not found',
      status: 404,
      detail: 'no matter M-1',
      errors: [],
      instance: '/api/v1/matters/M-1',
    });
  });

  it('maps a domain rule through the registered mapper: input 400, rule 422 with the rule, conflict 409', () => {
    const input = render(new RuleViolation('value-required', 'reason is required', 'reason')).json();
    expect(input).toMatchObject({
      status: 400,
      type: 'https://petition-ledger.org/problems/rules/value-required',
      detail: 'value-required: reason is required',
      errors: [{ field: 'reason', message: 'reason is required' }],
      rule: 'value-required',
    });
    const rule = render(new RuleViolation('not-assigned', 'the matter is not with any unit')).json();
    expect(rule).toMatchObject({ status: 422, rule: 'not-assigned', errors: [] });
    const conflict = render(new RuleViolation('already-erased', 'petitioner P1 was already erased')).json();
    expect(conflict).toEqual({
      type: 'https://petition-ledger.org/problems/already-erased',
      title: 'Already erased',
      status: 409,
      detail: 'petitioner P1 was already erased',
      errors: [],
      instance: '/api/v1/matters/M-1',
    });
  });

  it('answers a lost race on a stream with 409 revision-mismatch and the current revision', () => {
    const body = render(new WrongExpectedRevisionError('matter-M-1', 2, 3)).json();
    expect(body).toMatchObject({ status: 409, currentRevision: 3 });
    expect(body.type).toMatch(/\/revision-mismatch$/);
    const fresh = render(new WrongExpectedRevisionError('matter-M-1', 0, 'no_stream')).json();
    expect(fresh.currentRevision).toBeNull();
  });

  it('answers the store’s idempotency conflict with 409 and an invalid append with 400', () => {
    expect(render(new IdempotencyConflictError('k')).json()).toMatchObject({
      status: 409,
      type: 'https://petition-ledger.org/problems/idempotency-key-reused',
    });
    expect(render(new InvalidAppendError('an event needs a type')).json()).toMatchObject({
      status: 400,
      detail: 'an event needs a type',
    });
  });

  it('answers the body parser’s refusals: bad JSON 400, too large 413, other exposed 4xx with their status', () => {
    expect(render({ type: 'entity.parse.failed', status: 400 }).json()).toMatchObject({
      status: 400,
      detail: 'the request body is not valid JSON',
    });
    expect(render({ type: 'entity.too.large', status: 413 }).json()).toMatchObject({
      status: 413,
      type: 'https://petition-ledger.org/problems/payload-too-large',
    });
    expect(render({ expose: true, status: 415, message: 'unsupported charset "KOI8-R"' }).json()).toMatchObject({
      status: 415,
      title: 'Unsupported media type',
      detail: 'unsupported charset "KOI8-R"',
    });
  });

  it('keeps what a Nest HttpException says and its status', () => {
    expect(render(new NotFoundException('Cannot GET /api/v1/nothing')).json()).toMatchObject({
      status: 404,
      type: 'https://petition-ledger.org/problems/not-found',
      detail: 'Cannot GET /api/v1/nothing',
    });
  });

  it('hides an unexpected error behind 500 and logs the error and path only, never the request body', () => {
    const response = render(new TypeError('cannot read properties of undefined'));
    expect(response.json()).toMatchObject({
      status: 500,
      type: 'https://petition-ledger.org/problems/internal-error',
      detail: 'an unexpected error occurred; it has been logged',
    });
    expect(response.body).not.toContain('cannot read');
    expect(logged).toHaveLength(1);
    expect(JSON.stringify(logged[0][0])).not.toContain('张三');
    expect(logged[0][0]).toMatchObject({ path: '/api/v1/matters/M-1' });
  });

  it('logs nothing for a refusal', () => {
    render(new RuleViolation('not-assigned', 'x'));
    render(new ProblemException(403, 'forbidden', 'Forbidden', 'not your unit'));
    expect(logged).toEqual([]);
  });
});
