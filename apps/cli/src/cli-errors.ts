// The CLI's one error convention: code that can fail throws a CliError (a message and
// an exit code: 2 = could not run, 1 = checked and found wrong); a command turns it
// into its message on stderr and the exit code with exitOnCliError. Anything else is a
// bug and propagates with its stack.

/** A failure to run (bad arguments, missing files, a server that does not answer): exit code 2, not "verification failed". */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode = 2,
  ) {
    super(message);
    this.name = 'CliError';
  }
}

/** Prints `ledger: <message>` on stderr and exits with `code`. */
export function fail(message: string, code = 1): never {
  process.stderr.write(`ledger: ${message}\n`);
  process.exit(code);
}

/** An error class, abstract or not (AuditError is abstract). */
type ErrorKind = abstract new (...args: never[]) => Error;

/**
 * The end of a command that failed: a CliError exits with its message and code; an error
 * of one of `refusals` (a library's "no, because ...", e.g. DemoRefusedError) exits 1 with
 * its message; anything else is a bug and propagates.
 */
export function exitOnCliError(error: unknown, refusals: readonly ErrorKind[] = []): never {
  if (error instanceof CliError) fail(error.message, error.exitCode);
  if (refusals.some((kind) => error instanceof kind)) fail((error as Error).message, 1);
  throw error;
}
