import { applyDecorators } from '@nestjs/common';
import { ApiResponse } from '@nestjs/swagger';
import type { SchemaObject } from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';

/** The RFC 9457 body every error has (API.md "Errors"). */
const PROBLEM_SCHEMA: SchemaObject = {
  type: 'object',
  required: ['type', 'title', 'status', 'detail', 'errors'],
  properties: {
    type: { type: 'string', format: 'uri', example: 'https://petition-ledger.org/problems/validation-failed' },
    title: { type: 'string' },
    status: { type: 'integer' },
    detail: { type: 'string' },
    errors: {
      type: 'array',
      items: {
        type: 'object',
        required: ['field', 'message'],
        properties: { field: { type: 'string' }, message: { type: 'string' } },
      },
    },
  },
};

const MEANING: Record<number, string> = {
  400: 'bad input: the fields at fault in `errors`; nothing is appended',
  401: 'no or an unknown bearer token',
  403: 'the role (or the unit) may not do this',
  404: 'no such resource',
  406: 'the Accept header names no format this resource has',
  409: 'the stream exists or moved on (If-Match), or an Idempotency-Key was reused with another body',
  422: 'a rule of the domain refuses the command; the rule in `detail`',
  503: 'the read model has not caught up with minPosition yet',
};

/** Documents the problem responses of an operation in the OpenAPI description. */
export function ApiProblems(...statuses: number[]): MethodDecorator & ClassDecorator {
  return applyDecorators(
    ...statuses.map((status) =>
      ApiResponse({
        status,
        description: MEANING[status] ?? 'problem',
        content: { 'application/problem+json': { schema: PROBLEM_SCHEMA } },
      }),
    ),
  );
}
