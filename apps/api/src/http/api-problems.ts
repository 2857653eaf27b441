import { applyDecorators } from '@nestjs/common';
import { ApiResponse, getSchemaPath } from '@nestjs/swagger';
import type { SchemaObject } from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';
import { PROBLEM_BASE } from './problem';

const PROBLEM_TYPE = 'application/problem+json';

/** A `{field, message}` entry of a problem's `errors`. */
export const FIELD_ERROR_SCHEMA: SchemaObject = {
  type: 'object',
  properties: {
    field: { type: 'string', example: 'contact.headcount', description: 'dotted path of the input member' },
    message: { type: 'string', example: 'headcount must not be less than 1' },
  },
  required: ['field', 'message'],
};

/**
 * The document's `Problem` component (openapi.ts adds it): what ProblemFilter sends
 * (ProblemException.toBody). RFC 9457 members, `errors` always present, and extension members
 * some problems add (`rule` for a 422, `currentRevision` for a 409 on If-Match, `retryAfter`
 * for a 503, ...), hence open to further properties.
 */
export const PROBLEM_SCHEMA: SchemaObject = {
  type: 'object',
  description: 'RFC 9457 problem details, sent as application/problem+json',
  properties: {
    type: {
      type: 'string',
      format: 'uri',
      example: `${PROBLEM_BASE}validation-failed`,
      description: `${PROBLEM_BASE} followed by the kind of failure`,
    },
    title: { type: 'string', example: 'Your request is not valid' },
    status: { type: 'integer', example: 400 },
    detail: { type: 'string', example: 'invalid fields: contact.headcount' },
    errors: { type: 'array', items: { $ref: getSchemaPath('FieldError') } },
    instance: { type: 'string', example: '/api/v1/matters', description: 'the request path' },
    rule: { type: 'string', description: 'the domain rule that refused the command (422, some 400)' },
    currentRevision: {
      type: 'integer',
      nullable: true,
      description: 'the stream’s revision when If-Match no longer holds (409)',
    },
  },
  required: ['type', 'title', 'status', 'detail', 'errors'],
  additionalProperties: true,
};

/** The problem statuses an operation may document, with what each means in this API. */
const PROBLEMS = {
  400: 'Bad input (body, query, path or headers); nothing is appended',
  401: 'No valid bearer token (missing, unknown, replaced, revoked or expired)',
  403: 'The caller’s role or units may not do this',
  404: 'Unknown id',
  406: 'No representation matches the Accept header',
  409: 'An Idempotency-Key reused with a different request, an If-Match revision no longer current, or it exists already',
  422: 'Well-formed, but the state or the law does not allow it; the rule is in `detail` and `rule`',
  503: 'Not ready to answer: a read model behind `minPosition` after the timeout, or a health check down; retry',
} as const;

export type ProblemStatus = keyof typeof PROBLEMS;

/**
 * Documents the problem responses an operation can give, each as application/problem+json with
 * the one Problem schema. List only those that apply to it (e.g. 404 only where a path id is looked up).
 */
export function ApiProblems(...statuses: ProblemStatus[]): MethodDecorator & ClassDecorator {
  return applyDecorators(
    ...statuses.map((status) =>
      ApiResponse({
        status,
        description: PROBLEMS[status],
        content: { [PROBLEM_TYPE]: { schema: { $ref: getSchemaPath('Problem') } } },
      }),
    ),
  );
}
