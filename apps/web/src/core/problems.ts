import { ApiProblem, FieldError } from './api';
import { MessageKey, t } from './i18n';

/** What the user reads for a refused request: one plain sentence, the rule if there is one, and per field. */
export interface ProblemText {
  readonly message: string;
  readonly detail: string | null;
  readonly fields: Readonly<Record<string, string>>;
}

export function problemText(error: unknown): ProblemText {
  if (!(error instanceof ApiProblem)) return { message: t('problem.500'), detail: null, fields: {} };
  return { message: problemMessage(error), detail: problemDetail(error), fields: fieldMessages(error.errors) };
}

function problemMessage(problem: ApiProblem): string {
  if (problem.status === 0) return t('problem.network');
  if (problem.status === 409 && problem.slug === 'idempotency-key-reused') return t('problem.409.idempotency');
  const key = `problem.${problem.status}` as MessageKey;
  if ([400, 401, 403, 404, 409, 413, 422, 503].includes(problem.status)) return t(key);
  if (problem.status >= 500) return t('problem.500');
  return t('problem.other', { status: problem.status });
}

/** The API's own words are kept only where they carry the rule (422) or what moved on (409). */
function problemDetail(problem: ApiProblem): string | null {
  if ((problem.status === 422 || problem.status === 409) && problem.detail) {
    return t('problem.detail', { detail: problem.detail });
  }
  return null;
}

const FIELD_RULES: readonly [RegExp, MessageKey][] = [
  [/with an offset/i, 'field.offset'],
  [/future/i, 'field.future'],
  [/(unit code|no unit with code)/i, 'field.unknownUnit'],
  [/no such matter/i, 'field.noSuchMatter'],
  [
    /(longer than or equal to 1 characters|should not be empty|must not be empty|is required|must be defined)/i,
    'field.required',
  ],
  [/shorter than or equal/i, 'field.tooLong'],
  [/must be one of/i, 'field.notAllowed'],
  [/(integer|must be a number|not be less than|not be greater than)/i, 'field.mustBeNumber'],
];

/** The first message of each field, in plain words (the API's English kept in brackets when it is not one we know). */
export function fieldMessages(errors: readonly FieldError[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const error of errors) {
    if (out[error.field]) continue;
    const rule = FIELD_RULES.find(([pattern]) => pattern.test(error.message));
    out[error.field] = rule ? t(rule[1]) : `${t('field.invalid')}${t('field.serverSaid', { message: error.message })}`;
  }
  return out;
}
