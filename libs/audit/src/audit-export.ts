/**
 * The raw log as auditors receive it: one JSON object per line, from
 * GET /audit/events and in the file `ledger export` writes.
 *
 * An event line holds every envelope field plus its audit `index` and `hash`
 * (the leaf hash the audit tree holds for it). Nothing here is trusted: the
 * verifier recomputes each leaf from the line's own fields.
 *
 * The export file is
 *
 *   {"kind":"header", "format":"petition-ledger-audit-export", "version":1, origin, verifierKey, publicKey, exportedAt}
 *   {"kind":"checkpoint", size, position, rootHash, signedAt, note}     (in signing order)
 *   {"kind":"event", ...event line}                                     (in index order)
 *   {"kind":"end", "events": n, "checkpoints": m}
 *
 * Checkpoints come before the events so a verifier can stream the events in
 * constant memory; the end line tells a complete file from a truncated one.
 */
import { canonicalJson, EventEnvelope } from '@app/ledger';
import { auditLeafBytes } from './audit-leaf';
import { AuditError } from './errors';
import { leafHash } from './merkle-hash';
import { isTreeNumber } from './tree-math';

export interface AuditEventLine {
  readonly index: number;
  readonly position: string;
  readonly eventId: string;
  readonly stream: string;
  readonly revision: number;
  readonly type: string;
  readonly version: number;
  readonly occurredAt: string;
  readonly recordedAt: string;
  readonly actor: { readonly id: string; readonly role: string };
  readonly causationId: string | null;
  readonly correlationId: string | null;
  readonly data: unknown;
  readonly metadata: Record<string, unknown>;
  /** Leaf hash, lowercase hex. */
  readonly hash: string;
}

export interface ExportHeader {
  readonly kind: 'header';
  readonly format: typeof EXPORT_FORMAT;
  readonly version: 1;
  readonly origin: string | null;
  /** `<name>+<key ID>+<base64(0x01 || key)>`; null when nothing was ever signed. */
  readonly verifierKey: string | null;
  /** Raw Ed25519 public key, base64. */
  readonly publicKey: string | null;
  readonly exportedAt: string;
}

export interface ExportCheckpoint {
  readonly kind: 'checkpoint';
  readonly size: number;
  readonly position: string;
  readonly rootHash: string;
  readonly signedAt: string;
  readonly note: string;
}

export interface ExportEnd {
  readonly kind: 'end';
  readonly events: number;
  readonly checkpoints: number;
}

export type ExportLine = ExportHeader | ExportCheckpoint | ({ readonly kind: 'event' } & AuditEventLine) | ExportEnd;

export const EXPORT_FORMAT = 'petition-ledger-audit-export';

/** A line of an export or of GET /audit/events that cannot be read. */
export class AuditLineError extends AuditError {
  readonly code = 'AUDIT_LINE_MALFORMED';
}

export function toAuditEventLine(event: EventEnvelope, index: number, hash: string): AuditEventLine {
  return {
    index,
    position: event.position.toString(),
    eventId: event.eventId,
    stream: event.stream,
    revision: event.revision,
    type: event.type,
    version: event.version,
    occurredAt: event.occurredAt,
    recordedAt: event.recordedAt,
    actor: { id: event.actor.id, role: event.actor.role },
    causationId: event.causationId,
    correlationId: event.correlationId,
    data: event.data,
    metadata: event.metadata,
    hash,
  };
}

/** One NDJSON line (canonical JSON, so the same event always gives the same bytes), without the newline. */
export function formatLine(line: AuditEventLine | ExportLine): string {
  return canonicalJson(line);
}

/** The canonical bytes the leaf of this line commits to (see audit-leaf.ts). */
export function leafBytesOfLine(line: AuditEventLine): Buffer {
  // auditLeafBytes reads only the fields every line carries.
  return auditLeafBytes(line as unknown as EventEnvelope, line.index);
}

/** SHA-256(0x00 || leaf bytes), recomputed from the line's own fields. */
export function leafHashOfLine(line: AuditEventLine): Buffer {
  return leafHash(leafBytesOfLine(line));
}

/** Parses and checks the shape of an event line (from GET /audit/events, or an export line with kind "event"). */
export function parseAuditEventLine(text: string, lineNumber?: number): AuditEventLine {
  const where = lineNumber === undefined ? 'event line' : `line ${lineNumber}`;
  const value = parseObject(text, where);
  const { kind: _kind, ...line } = value;
  const str = (key: string) => typeof line[key] === 'string';
  const actor = line.actor as Record<string, unknown> | undefined;
  const problems = [
    !isTreeNumber(line.index) && 'index',
    !(str('position') && /^\d+$/.test(line.position as string)) && 'position',
    !str('eventId') && 'eventId',
    !str('stream') && 'stream',
    !isTreeNumber(line.revision) && 'revision',
    !str('type') && 'type',
    !Number.isInteger(line.version) && 'version',
    !str('occurredAt') && 'occurredAt',
    !str('recordedAt') && 'recordedAt',
    !(actor !== null && typeof actor === 'object' && typeof actor.id === 'string' && typeof actor.role === 'string') &&
      'actor',
    !(line.causationId === null || str('causationId')) && 'causationId',
    !(line.correlationId === null || str('correlationId')) && 'correlationId',
    !('data' in line) && 'data',
    !(line.metadata !== null && typeof line.metadata === 'object' && !Array.isArray(line.metadata)) && 'metadata',
    !(str('hash') && /^[0-9a-f]{64}$/.test(line.hash as string)) && 'hash',
  ].filter((p): p is string => typeof p === 'string');
  if (problems.length > 0) throw new AuditLineError(`${where}: missing or malformed ${problems.join(', ')}`);
  return line as unknown as AuditEventLine;
}

/** Parses one line of an export file. */
export function parseExportLine(text: string, lineNumber: number): ExportLine {
  const where = `line ${lineNumber}`;
  const value = parseObject(text, where);
  switch (value.kind) {
    case 'event':
      return { kind: 'event', ...parseAuditEventLine(text, lineNumber) };
    case 'header':
      if (value.format !== EXPORT_FORMAT || value.version !== 1) {
        throw new AuditLineError(`${where}: not a ${EXPORT_FORMAT} version 1 header`);
      }
      return value as unknown as ExportHeader;
    case 'checkpoint':
      if (!isTreeNumber(value.size) || typeof value.rootHash !== 'string' || typeof value.note !== 'string') {
        throw new AuditLineError(`${where}: checkpoint needs size, rootHash and note`);
      }
      return value as unknown as ExportCheckpoint;
    case 'end':
      if (!isTreeNumber(value.events) || !isTreeNumber(value.checkpoints)) {
        throw new AuditLineError(`${where}: end line needs the events and checkpoints counts`);
      }
      return value as unknown as ExportEnd;
    default:
      throw new AuditLineError(`${where}: unknown kind ${JSON.stringify(value.kind)}`);
  }
}

function parseObject(text: string, where: string): Record<string, unknown> {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new AuditLineError(`${where} is not JSON`);
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value))
    throw new AuditLineError(`${where} is not a JSON object`);
  return value as Record<string, unknown>;
}
