import { HttpException } from '@nestjs/common';

export interface FieldError {
  field: string;
  message: string;
}

/** Base of every problem `type` URI; the slug names the kind of failure. */
export const PROBLEM_BASE = 'https://petition-ledger.org/problems/';

/** An RFC 9457 problem, thrown anywhere and rendered by the ProblemFilter. */
export class ProblemException extends HttpException {
  constructor(
    status: number,
    readonly slug: string,
    readonly title: string,
    readonly detail: string,
    readonly errors: FieldError[] = [],
    readonly extra: Record<string, unknown> = {},
  ) {
    super(detail, status);
  }

  toBody(instance?: string): Record<string, unknown> {
    return {
      type: PROBLEM_BASE + this.slug,
      title: this.title,
      status: this.getStatus(),
      detail: this.detail,
      errors: this.errors,
      ...(instance ? { instance } : {}),
      ...this.extra,
    };
  }
}

export const badRequest = (detail: string, errors: FieldError[] = []) =>
  new ProblemException(400, 'validation-failed', 'Your request is not valid', detail, errors);

export const notFound = (detail: string) => new ProblemException(404, 'not-found', 'Not found', detail);

export const forbidden = (detail: string) => new ProblemException(403, 'forbidden', 'Forbidden', detail);

export const unauthorized = (detail: string) => new ProblemException(401, 'unauthorized', 'Unauthorized', detail);

export const conflict = (slug: string, detail: string, extra: Record<string, unknown> = {}) =>
  new ProblemException(409, slug, 'Conflict', detail, [], extra);

export const serviceUnavailable = (detail: string) =>
  new ProblemException(503, 'not-caught-up', 'Read model not caught up', detail, [], { retryAfter: 1 });
