import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { Request, Response } from 'express';
import { IdempotencyConflictError, InvalidAppendError, WrongExpectedRevisionError } from '@app/ledger';
import { badRequest, conflict, ProblemException } from './problem';

/** Maps a library's own error type to a problem; registered by the modules that own those errors. */
export type ProblemMapper = (error: unknown) => ProblemException | undefined;

const mappers: ProblemMapper[] = [];

export function registerProblemMapper(mapper: ProblemMapper): void {
  if (!mappers.includes(mapper)) mappers.push(mapper);
}

/** The one place where errors become RFC 9457 responses. */
@Catch()
export class ProblemFilter implements ExceptionFilter {
  private readonly logger = new Logger('ProblemFilter');

  catch(error: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<Request>();
    const response = http.getResponse<Response>();
    const problem = this.toProblem(error);
    if (problem.slug === 'internal-error') {
      // Only the error itself is logged: request bodies may hold personal data.
      this.logger.error({ err: error, path: request.path }, 'unhandled error');
    }
    response
      .status(problem.getStatus())
      .type('application/problem+json')
      .send(JSON.stringify(problem.toBody(request.originalUrl?.split('?')[0])));
  }

  private toProblem(error: unknown): ProblemException {
    if (error instanceof ProblemException) return error;
    for (const map of mappers) {
      const problem = map(error);
      if (problem) return problem;
    }
    if (error instanceof WrongExpectedRevisionError) {
      return conflict(
        'revision-mismatch',
        `the matter has moved on: expected revision ${error.expected}, current revision ${error.actual}`,
        {
          currentRevision: error.actual === 'no_stream' ? null : error.actual,
        },
      );
    }
    if (error instanceof IdempotencyConflictError) {
      return conflict('idempotency-key-reused', 'this Idempotency-Key was already used with a different request');
    }
    if (error instanceof InvalidAppendError) return badRequest(error.message);
    const bodyError = error as { type?: string; status?: number };
    if (bodyError?.type === 'entity.parse.failed') return badRequest('the request body is not valid JSON');
    if (bodyError?.type === 'entity.too.large') {
      return new ProblemException(413, 'payload-too-large', 'Payload too large', 'the request body is too large');
    }
    // Other refusals of the body parser (an unsupported charset or Content-Encoding, a bad gzip stream):
    // http-errors marks them `expose` with their 4xx status.
    const clientError = error as { expose?: unknown; status?: unknown; message?: unknown };
    if (
      clientError?.expose === true &&
      typeof clientError.status === 'number' &&
      clientError.status >= 400 &&
      clientError.status < 500
    ) {
      const status = clientError.status;
      return new ProblemException(
        status,
        slugFor(status),
        titleFor(status),
        typeof clientError.message === 'string' ? clientError.message : titleFor(status),
      );
    }
    if (error instanceof HttpException) {
      const status = error.getStatus();
      const response = error.getResponse();
      const detail = typeof response === 'string' ? response : error.message;
      // Keep what the thrower said beyond a message (e.g. terminus' per-check `details` of a 503).
      const extra =
        typeof response === 'object' && response !== null
          ? withoutProblemMembers(response as Record<string, unknown>)
          : {};
      return new ProblemException(status, slugFor(status), titleFor(status), detail, [], extra);
    }
    return new ProblemException(
      500,
      'internal-error',
      'Internal server error',
      'an unexpected error occurred; it has been logged',
    );
  }
}

const PROBLEM_MEMBERS = new Set([
  'type',
  'title',
  'status',
  'detail',
  'errors',
  'instance',
  'statusCode',
  'message',
  'error',
]);

function withoutProblemMembers(response: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(response).filter(([key]) => !PROBLEM_MEMBERS.has(key)));
}

function slugFor(status: number): string {
  return (
    (
      {
        400: 'validation-failed',
        401: 'unauthorized',
        403: 'forbidden',
        404: 'not-found',
        405: 'method-not-allowed',
        406: 'not-acceptable',
        409: 'conflict',
        415: 'unsupported-media-type',
      } as Record<number, string>
    )[status] ?? `http-${status}`
  );
}

function titleFor(status: number): string {
  return (
    (
      {
        400: 'Your request is not valid',
        401: 'Unauthorized',
        403: 'Forbidden',
        404: 'Not found',
        405: 'Method not allowed',
        406: 'Not acceptable',
        409: 'Conflict',
        415: 'Unsupported media type',
      } as Record<number, string>
    )[status] ?? 'Error'
  );
}
