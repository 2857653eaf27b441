import { ApiClient, ApiProblem, queryString } from './api';
import { setLocale } from './i18n';
import { fieldMessages, problemText } from './problems';

type Call = { url: string; init: RequestInit };

function fakeFetch(status: number, body: unknown, calls: Call[] = []) {
  return async (url: string, init: RequestInit = {}) => {
    calls.push({ url, init });
    const text = typeof body === 'string' ? body : JSON.stringify(body);
    return new Response(text, { status, headers: { 'Content-Type': 'application/problem+json' } });
  };
}

const VALIDATION = {
  type: 'https://petition-ledger.org/problems/validation-failed',
  title: 'Your request is not valid',
  status: 400,
  detail: 'invalid fields: summary, contact.occurredAt',
  errors: [
    { field: 'summary', message: 'summary must be longer than or equal to 1 characters' },
    {
      field: 'contact.occurredAt',
      message: 'must be an ISO-8601 instant with an offset, e.g. 2022-04-03T09:30:00+08:00',
    },
    { field: 'contact.headcount', message: 'headcount must not be less than 1' },
    { field: 'contact.headcount', message: 'headcount must be an integer number' },
    { field: 'category', message: 'something new the UI has never seen' },
  ],
};

describe('the API client', () => {
  afterEach(() => setLocale('zh'));

  it('sends the bearer token, the Idempotency-Key and If-Match, and no token in the URL', async () => {
    const calls: Call[] = [];
    const api = new ApiClient(
      () => 'secret-token',
      undefined,
      fakeFetch(201, { id: 'm1', revision: 3, position: '9' }, calls),
    );
    const result = await api.post('/matters/m1/replies', { note: 'x' }, { idempotencyKey: 'k-1', ifMatch: 2 });
    expect(result).toEqual({ id: 'm1', revision: 3, position: '9' });
    const headers = calls[0].init.headers as Record<string, string>;
    expect(headers.Authorization).toBe('Bearer secret-token');
    expect(headers['Idempotency-Key']).toBe('k-1');
    expect(headers['If-Match']).toBe('"2"');
    expect(calls[0].url).toBe('/api/v1/matters/m1/replies');
    expect(calls[0].url).not.toContain('secret-token');
  });

  it('builds query strings without empty filters', () => {
    expect(queryString({ unit: 'town-a', status: '', overdue: true, cursor: null })).toBe('?unit=town-a&overdue=true');
    expect(queryString({})).toBe('');
  });

  it('turns a problem into an ApiProblem with its field errors, in plain Chinese', async () => {
    const api = new ApiClient(() => 't', undefined, fakeFetch(400, VALIDATION));
    const error = await api.post('/matters', {}).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiProblem);
    const text = problemText(error);
    expect(text.message).toBe('填写的内容有误，请按提示修改。');
    expect(text.fields).toEqual({
      summary: '必填',
      'contact.occurredAt': '时间须带时区（如 +08:00）',
      'contact.headcount': '请填写范围内的整数',
      category: '格式不正确（something new the UI has never seen）',
    });
  });

  it('ends the session on 401 and says so plainly; 403 names the role', async () => {
    let ended = 0;
    const api = new ApiClient(
      () => 't',
      () => (ended += 1),
      fakeFetch(401, { status: 401, title: 'Unauthorized', detail: 'the bearer token is not valid (revoked)' }),
    );
    const error = await api.get('/matters').catch((e: unknown) => e);
    expect(ended).toBe(1);
    expect(problemText(error).message).toBe('登录已失效或令牌无效，请重新登录。');
    const forbidden = new ApiProblem(403, { detail: 'this needs the role registrar; you are leader' });
    expect(problemText(forbidden).message).toBe('您的角色或单位无权进行此操作。');
  });

  it("keeps the rule's words for a 422 and tells a reused Idempotency-Key from a moved-on record", () => {
    const rule = new ApiProblem(422, { detail: 'reply-before-acceptance: accept the matter first' });
    expect(problemText(rule)).toMatchObject({
      message: '按规定现在不能办理此项。',
      detail: '说明：reply-before-acceptance: accept the matter first',
    });
    const reused = new ApiProblem(409, { type: 'https://petition-ledger.org/problems/idempotency-key-reused' });
    expect(problemText(reused).message).toBe('这次提交与先前的提交冲突，请刷新页面后重新填写。');
    const moved = new ApiProblem(409, { type: 'https://petition-ledger.org/problems/revision-mismatch' });
    expect(problemText(moved).message).toBe('这条记录已被他人更新，请刷新后再试。');
  });

  it('reports an unreachable server and a non-JSON error page', async () => {
    const down = new ApiClient(
      () => 't',
      undefined,
      async () => Promise.reject(new TypeError('fetch failed')),
    );
    expect(problemText(await down.get('/units').catch((e: unknown) => e)).message).toBe(
      '无法连接服务器，请检查网络后重试。',
    );
    const proxy = new ApiClient(() => 't', undefined, fakeFetch(502, '<html>Bad gateway</html>'));
    const error = (await proxy.get('/units').catch((e: unknown) => e)) as ApiProblem;
    expect(error.status).toBe(502);
    expect(problemText(error).message).toBe('服务器出错了，请稍后再试或联系管理员。');
  });

  it('says the same in English when English is chosen', () => {
    setLocale('en');
    expect(fieldMessages([{ field: 'summary', message: 'summary should not be empty' }])).toEqual({
      summary: 'Required',
    });
    expect(problemText(new ApiProblem(401)).message).toContain('sign in again');
  });
});
