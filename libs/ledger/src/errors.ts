import { ExpectedRevision } from './event-store.port';

/** The stream is not where the writer expected it (another writer got there first). */
export class WrongExpectedRevisionError extends Error {
  constructor(
    readonly stream: string,
    readonly expected: ExpectedRevision,
    /** The stream's current revision, or 'no_stream'. */
    readonly actual: number | 'no_stream',
  ) {
    super(`stream ${stream}: expected revision ${expected}, actual ${actual}`);
    this.name = 'WrongExpectedRevisionError';
  }
}

/** The idempotency key was used before for different events. */
export class IdempotencyConflictError extends Error {
  constructor(readonly key: string) {
    super(`idempotency key ${JSON.stringify(key)} was already used for a different request`);
    this.name = 'IdempotencyConflictError';
  }
}

export class InvalidAppendError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InvalidAppendError';
  }
}

/** The events of one append are larger than the server's configured maximum append size. */
export class AppendTooLargeError extends Error {
  constructor(
    readonly stream: string,
    readonly bytes: number,
    readonly maxAppendSize: number,
  ) {
    super(`append to ${stream} is ${bytes} bytes, over the store's maximum append size of ${maxAppendSize} bytes`);
    this.name = 'AppendTooLargeError';
  }
}
