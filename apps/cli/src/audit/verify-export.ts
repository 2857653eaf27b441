// `ledger verify --export`: a file written by `ledger export`, offline.
import { createReadStream, existsSync } from 'node:fs';
import { createInterface } from 'node:readline';
import {
  AuditEventLine,
  AuditLineError,
  completeTrustedKey,
  describeTrustedKey,
  NO_TRUSTED_KEY,
  parseTrustedKey,
  signatureCheck,
  TrustedKeyChoice,
  EXPORT_FORMAT,
  ExportCheckpoint,
  parseExportLine,
  parseVerifierKey,
  verifyEventLines,
} from '@app/audit';
import { CliError } from '../cli-errors';
import { toStoredCheckpoint } from './verify-outcome';
import type { VerifyOutcome, Warn } from './verify-outcome';

export async function verifyExport(
  file: string,
  options: { key?: string; warn: Warn; onProgress?: (checked: number) => void },
): Promise<VerifyOutcome> {
  if (!existsSync(file)) throw new CliError(`no export file at ${file}`);
  const lines = createInterface({ input: createReadStream(file, 'utf8'), crlfDelay: Infinity })[Symbol.asyncIterator]();
  let lineNumber = 0;
  const nextLine = async (): Promise<string | undefined> => {
    const { value, done } = await lines.next();
    if (done) return undefined;
    lineNumber++;
    return value;
  };
  const first = await nextLine();
  const header = first === undefined ? undefined : safeParse(first, 1);
  if (header?.kind !== 'header') throw new CliError(`${file} is not a ${EXPORT_FORMAT} file (no header line)`);

  const checkpoints: ExportCheckpoint[] = [];
  let pending: string | undefined;
  for (;;) {
    pending = await nextLine();
    if (pending === undefined) break;
    const parsed = safeParse(pending, lineNumber);
    if (parsed.kind !== 'checkpoint') break;
    checkpoints.push(parsed);
  }

  let trusted: TrustedKeyChoice;
  if (options.key !== undefined) trusted = { ...parseTrustedKey(options.key), source: '--key' };
  else if (header.verifierKey) {
    options.warn('trusting the key named in the export itself; pin the published key with --key');
    const parsed = parseVerifierKey(header.verifierKey);
    trusted = { publicKey: parsed.publicKey, keyName: parsed.keyName, source: 'export header' };
  } else if (checkpoints.length > 0) {
    throw new CliError('the export names no key: pass --key <verifier key or base64 public key>');
  } else trusted = NO_TRUSTED_KEY;
  trusted = completeTrustedKey(trusted, checkpoints[0]?.note);

  async function* events(): AsyncGenerator<AuditEventLine> {
    let count = 0;
    let text = pending;
    let number = lineNumber; // the pending line's own number
    while (text !== undefined) {
      const line = parseExportLine(text, number);
      if (line.kind === 'end') {
        if (line.events !== count)
          throw new AuditLineError(`the end line counts ${line.events} events, the file holds ${count}`);
        if (line.checkpoints !== checkpoints.length) {
          throw new AuditLineError(
            `the end line counts ${line.checkpoints} checkpoints, the file holds ${checkpoints.length}`,
          );
        }
        if ((await nextLine()) !== undefined) throw new AuditLineError(`line ${lineNumber}: lines after the end line`);
        return;
      }
      if (line.kind !== 'event') throw new AuditLineError(`line ${number}: a ${line.kind} line among the events`);
      const { kind: _kind, ...event } = line;
      yield event;
      count++;
      text = await nextLine();
      number = lineNumber;
    }
    throw new AuditLineError(`the export ends after ${count} events without its end line: it is truncated`);
  }

  const report = await verifyEventLines(events(), {
    checkpoints: checkpoints.map(toStoredCheckpoint),
    ...signatureCheck(trusted),
    onProgress: options.onProgress,
  });
  return { source: file, trustedKey: describeTrustedKey(trusted), report };
}

function safeParse(text: string, lineNumber: number) {
  try {
    return parseExportLine(text, lineNumber);
  } catch (error) {
    throw new CliError((error as Error).message, 1);
  }
}
