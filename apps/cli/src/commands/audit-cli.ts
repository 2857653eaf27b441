/**
 * What `ledger export`, `ledger verify` and `ledger prove` do, as functions
 * that return or throw instead of exiting, so tests can call them in-process.
 * Everything here works offline on a data directory or an export file; only
 * `--url` talks to a server.
 */
import { dataFiles, AppConfig, systemNow } from '@app/runtime';
import { createReadStream, createWriteStream, existsSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { finished } from 'node:stream/promises';
import { Writable } from 'node:stream';
import {
  AuditEventLine,
  AuditLineError,
  AuditVerificationReport,
  auditLeafBytes,
  completeTrustedKey,
  describeTrustedKey,
  loadSigningKey,
  NO_TRUSTED_KEY,
  parseTrustedKey,
  signatureCheck,
  TrustedKeyChoice,
  trustedKeyForAuditStore,
  auditLeafHash,
  EXPORT_FORMAT,
  ExportCheckpoint,
  ExportHeader,
  formatLine,
  leafHash,
  parseAuditEventLine,
  parseExportLine,
  parseVerifierKey,
  StoredCheckpoint,
  toAuditEventLine,
  toHex,
  verifyEventLines,
  verifyInclusion,
  AuditStore,
  META_ORIGIN,
  META_VERIFIER_KEY,
  verifyStoredLog,
} from '@app/audit';
import { EventEnvelope, Position, SqliteEventStore, START } from '@app/ledger';

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

export type Warn = (message: string) => void;

export interface VerifyOutcome {
  readonly source: string;
  readonly trustedKey: string | null;
  readonly report: AuditVerificationReport;
}

// ---------------------------------------------------------------- data dir

export function openDataDir(dataDir: string): { ledger: SqliteEventStore; audit: AuditStore } {
  const ledgerFile = dataFiles({ dataDir }).ledger;
  if (!existsSync(ledgerFile)) throw new CliError(`no ledger at ${ledgerFile}`);
  const auditFile = dataFiles({ dataDir }).audit;
  if (!existsSync(auditFile)) throw new CliError(`no audit store at ${auditFile} (start the server once to build it)`);
  const ledger = SqliteEventStore.open({ file: ledgerFile, readonly: true });
  try {
    return { ledger, audit: AuditStore.open(auditFile, { readonly: true }) };
  } catch (error) {
    void ledger.close();
    throw new CliError((error as Error).message);
  }
}

export async function verifyDataDir(
  config: AppConfig,
  options: { key?: string; warn: Warn; onProgress?: (checked: number, total: number) => void },
): Promise<VerifyOutcome> {
  const { ledger, audit } = openDataDir(config.dataDir);
  try {
    const chosen = trustedKeyForAuditStore(config, audit, options.key, options.warn);
    if (chosen === null)
      throw new CliError('no key to check the checkpoints against: pass --key <verifier key or base64 public key>');
    const trusted = completeTrustedKey(chosen, audit.latestCheckpoint()?.note);
    const total = (await ledger.head()).events;
    const report = await verifyStoredLog(ledger, audit, {
      ...signatureCheck(trusted),
      maxEvents: total,
      onProgress: (checked) => options.onProgress?.(checked, total),
    });
    return { source: config.dataDir, trustedKey: describeTrustedKey(trusted), report };
  } finally {
    audit.close();
    await ledger.close();
  }
}

// ---------------------------------------------------------------- export

export interface ExportSummary {
  readonly events: number;
  readonly checkpoints: number;
}

/** Writes the log, the signed checkpoints and the public key as one NDJSON file (see audit-export.ts). */
export async function writeExport(config: AppConfig, out: Writable, now: Date = systemNow()): Promise<ExportSummary> {
  const { ledger, audit } = openDataDir(config.dataDir);
  try {
    const write = async (line: string) => {
      if (!out.write(line)) await new Promise((resolve) => out.once('drain', resolve));
    };
    // The tree and its checkpoints first: the log only grows, so every event they cover is read below.
    const treeSize = audit.size;
    const verifierKey =
      audit.getMeta(META_VERIFIER_KEY) ?? loadSigningKey(config, { create: false })?.verifierKey ?? null;
    const header: ExportHeader = {
      kind: 'header',
      format: EXPORT_FORMAT,
      version: 1,
      origin: audit.getMeta(META_ORIGIN) ?? (verifierKey ? parseVerifierKey(verifierKey).keyName : null),
      verifierKey,
      publicKey: verifierKey ? parseVerifierKey(verifierKey).publicKey.toString('base64') : null,
      exportedAt: now.toISOString(),
    };
    await write(formatLine(header) + '\n');
    let checkpoints = 0;
    for (const checkpoint of audit.checkpoints(treeSize)) {
      await write(formatLine({ kind: 'checkpoint', ...checkpoint }) + '\n');
      checkpoints++;
    }
    let index = 0;
    let next: Position = START;
    for (;;) {
      const batch = ledger.readAllSync(next, 1000);
      if (batch.length === 0) break;
      let chunk = '';
      for (const event of batch) {
        const stored = index < treeSize ? audit.nodes.get(0, index) : undefined;
        const line = toAuditEventLine(event, index, stored ? toHex(stored) : auditLeafHash(event, index));
        chunk += formatLine({ kind: 'event', ...line }) + '\n';
        index++;
      }
      await write(chunk);
      next = batch[batch.length - 1].position + 1n;
    }
    await write(formatLine({ kind: 'end', events: index, checkpoints }) + '\n');
    return { events: index, checkpoints };
  } finally {
    audit.close();
    await ledger.close();
  }
}

export async function writeExportFile(config: AppConfig, file: string): Promise<ExportSummary> {
  const out = createWriteStream(file, { flags: 'wx' });
  try {
    const summary = await writeExport(config, out);
    out.end();
    await finished(out);
    return summary;
  } catch (error) {
    out.destroy();
    throw error;
  }
}

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

// ---------------------------------------------------------------- url

export interface UrlOptions {
  key?: string;
  token?: string;
  warn: Warn;
  onProgress?: (checked: number) => void;
  pageSize?: number;
}

/** Verifies a running server's log through its API (an auditor's or admin's token is needed for the events). */
export async function verifyUrl(url: string, options: UrlOptions): Promise<VerifyOutcome> {
  const base = apiBase(url);
  const get = async (path: string): Promise<Response> => {
    let res: Response;
    try {
      res = await fetch(`${base}${path}`, {
        headers: options.token ? { Authorization: `Bearer ${options.token}` } : {},
      });
    } catch (error) {
      throw new CliError(`cannot reach ${base}${path}: ${(error as Error).message}`);
    }
    if (res.status === 404 && path === '/audit/checkpoint') return res;
    if (!res.ok) throw new CliError(`GET ${base}${path} answered ${res.status}: ${(await res.text()).slice(0, 300)}`);
    return res;
  };

  const latestRes = await get('/audit/checkpoint');
  const latest =
    latestRes.status === 404 ? null : ((await latestRes.json()) as { verifierKey?: string; publicKey: string });
  const checkpoints: StoredCheckpoint[] = [];
  for (let after = 0; ;) {
    const page = (await (await get(`/audit/checkpoints?afterSize=${after}&limit=1000`)).json()) as ExportCheckpoint[];
    checkpoints.push(...page.map(toStoredCheckpoint));
    if (page.length < 1000) break;
    after = page[page.length - 1].size;
  }

  let trusted: TrustedKeyChoice;
  if (options.key !== undefined) trusted = { ...parseTrustedKey(options.key), source: '--key' };
  else if (latest?.verifierKey) {
    options.warn('trusting the key the server itself serves; pin the published key with --key');
    const parsed = parseVerifierKey(latest.verifierKey);
    trusted = { publicKey: parsed.publicKey, keyName: parsed.keyName, source: base };
  } else if (latest) trusted = { publicKey: Buffer.from(latest.publicKey, 'base64'), source: base };
  else trusted = NO_TRUSTED_KEY;
  trusted = completeTrustedKey(trusted, checkpoints[0]?.note);

  const pageSize = options.pageSize ?? 10_000;
  async function* events(): AsyncGenerator<AuditEventLine> {
    for (let fromIndex = 0; ;) {
      const text = await (await get(`/audit/events?fromIndex=${fromIndex}&limit=${pageSize}`)).text();
      const lines = text.split('\n').filter((line) => line.length > 0);
      for (const line of lines) yield parseAuditEventLine(line);
      if (lines.length < pageSize) return;
      fromIndex += lines.length;
    }
  }
  const report = await verifyEventLines(events(), {
    checkpoints,
    ...signatureCheck(trusted),
    onProgress: options.onProgress,
  });
  return { source: base, trustedKey: describeTrustedKey(trusted), report };
}

function apiBase(url: string): string {
  const trimmed = url.replace(/\/+$/, '');
  if (!/^https?:\/\//.test(trimmed))
    throw new CliError(`--url expects http(s)://host[:port], got ${JSON.stringify(url)}`);
  return trimmed.endsWith('/api/v1') ? trimmed : `${trimmed}/api/v1`;
}

// ---------------------------------------------------------------- prove

export interface InclusionProofOutput {
  index: number;
  size: number;
  position: string;
  /** The event's canonical leaf bytes as text, and exactly as hashed (base64). */
  leaf: { canonical: string; base64: string };
  leafHash: string;
  hashes: string[];
  rootHash: string;
  checkpoint: { note: string; signedAt: string; position: string };
  origin: string | null;
  verifierKey: string | null;
  publicKey: string | null;
}

/** An inclusion proof of leaf `index` against the latest checkpoint (or the one of `size`), checked before it is printed. */
export async function proveInclusion(dataDir: string, index: number, size?: number): Promise<InclusionProofOutput> {
  const { ledger, audit } = openDataDir(dataDir);
  try {
    const checkpoint = size === undefined ? audit.latestCheckpoint() : audit.checkpointOfSize(size);
    if (!checkpoint)
      throw new CliError(
        size === undefined ? 'no checkpoint has been signed yet' : `no checkpoint of size ${size} was signed`,
      );
    if (index >= checkpoint.size) {
      throw new CliError(
        `index ${index} is not covered by the checkpoint of size ${checkpoint.size}; wait for the next checkpoint`,
      );
    }
    const event = await eventAt(ledger, audit, index);
    if (!event)
      throw new CliError(
        `the ledger has no event at index ${index}: it is shorter than its audit tree; run ledger verify`,
      );
    const bytes = auditLeafBytes(event, index);
    const hash = toHex(leafHash(bytes));
    if (hash !== audit.tree.leafHash(index)) {
      throw new CliError(`the event at index ${index} no longer matches its audit leaf; run ledger verify`, 1);
    }
    const hashes = audit.tree.inclusionProof(index, checkpoint.size);
    verifyInclusion(hash, index, checkpoint.size, hashes, checkpoint.rootHash);
    const verifierKey = audit.getMeta(META_VERIFIER_KEY) ?? null;
    return {
      index,
      size: checkpoint.size,
      position: event.position.toString(),
      leaf: { canonical: bytes.toString('utf8'), base64: bytes.toString('base64') },
      leafHash: hash,
      hashes,
      rootHash: checkpoint.rootHash,
      checkpoint: { note: checkpoint.note, signedAt: checkpoint.signedAt, position: checkpoint.position },
      origin: audit.getMeta(META_ORIGIN) ?? null,
      verifierKey,
      publicKey: verifierKey ? parseVerifierKey(verifierKey).publicKey.toString('base64') : null,
    };
  } finally {
    audit.close();
    await ledger.close();
  }
}

/** The event at audit index `index`: from the nearest position the audit store knows, skipping forward. */
async function eventAt(ledger: SqliteEventStore, audit: AuditStore, index: number): Promise<EventEnvelope | undefined> {
  const located = audit.locate(index);
  let at = located.index;
  let next: Position = located.position === 0n ? START : located.position;
  for (;;) {
    const batch = ledger.readAllSync(next, 1000);
    if (batch.length === 0) return undefined;
    if (index - at < batch.length) return batch[index - at];
    at += batch.length;
    next = batch[batch.length - 1].position + 1n;
  }
}

// ---------------------------------------------------------------- shared

function toStoredCheckpoint(checkpoint: ExportCheckpoint): StoredCheckpoint {
  return { size: checkpoint.size, rootHash: checkpoint.rootHash, note: checkpoint.note };
}

function safeParse(text: string, lineNumber: number) {
  try {
    return parseExportLine(text, lineNumber);
  } catch (error) {
    throw new CliError((error as Error).message, 1);
  }
}

/** At most one progress line a second, on stderr, for logs long enough to need one. */
export function progressPrinter(label: string, write: (text: string) => void = (t) => process.stderr.write(t)) {
  // A monotonic timer, not the time of day: it only spaces the lines out.
  let last = performance.now();
  return (checked: number, total?: number): void => {
    const now = performance.now();
    if (now - last < 1000) return;
    last = now;
    const of = total ? ` / ${total.toLocaleString('en-US')} (${Math.floor((checked / total) * 100)}%)` : '';
    write(`${label}: ${checked.toLocaleString('en-US')}${of} events checked\n`);
  };
}
