import { createHash } from 'node:crypto';
import type Database from 'better-sqlite3';
import { Checkpoint, PublicationData, restatement, Restatement } from '@app/domain';
import { canonicalJson } from '@app/ledger';
import { PublicationKind, publicationKnownAt, ReportPoint } from '@app/projections';

/** A publication as a live computation shows it: beside, never instead of, the figures computed now. */
export interface PublicationStatus {
  readonly position: string;
  readonly publishedAt: string;
  readonly publishedBy: { readonly id: string; readonly role: string };
  readonly checkpoint: Checkpoint;
  readonly rule: PublicationData['rule'];
  /** SHA-256 of the published bytes (`GET …/published`). */
  readonly contentSha256: string;
  /** True when the figures computed now differ from the published ones (back-dated facts, late corrections). */
  readonly restated: boolean;
  readonly restatement: Restatement | null;
}

/** The published bytes, exactly as frozen in the event, with how they stand against the figures computed now. */
export interface Published {
  readonly bytes: Buffer;
  readonly status: PublicationStatus;
}

/** Where and by whom the publication event was recorded. */
export interface PublicationRecord {
  readonly position: string;
  readonly recordedAt: string;
  readonly actor: { readonly id: string; readonly role: string };
}

export const sha256 = (bytes: Buffer | string): string => createHash('sha256').update(bytes).digest('hex');

/** The published content's bytes: canonical JSON, the same every time. */
export const publishedBytes = (data: PublicationData): Buffer => Buffer.from(canonicalJson(data.content), 'utf8');

export function statusOf(data: PublicationData, event: PublicationRecord, current: unknown): PublicationStatus {
  const restated = restatement(data.content, current);
  return {
    position: event.position,
    publishedAt: event.recordedAt,
    publishedBy: event.actor,
    checkpoint: data.checkpoint,
    rule: data.rule,
    contentSha256: sha256(publishedBytes(data)),
    restated: restated !== null,
    restatement: restated,
  };
}

/** The publication of a period known at the point, read from the read model, with its event's data. */
export function publicationAt(
  db: Database.Database,
  kind: PublicationKind,
  period: string,
  point: ReportPoint,
): { readonly data: PublicationData; readonly record: PublicationRecord } | null {
  const row = publicationKnownAt(db, kind, period, point.asOf);
  if (!row) return null;
  return {
    data: JSON.parse(row.data) as PublicationData,
    record: { position: row.position, recordedAt: row.recordedAt, actor: row.actor },
  };
}

/** The publication of a period known at the point, compared with `current` (the same period computed there). */
export function publicationStatus(
  db: Database.Database,
  kind: PublicationKind,
  period: string,
  point: ReportPoint,
  current: unknown,
): PublicationStatus | null {
  const found = publicationAt(db, kind, period, point);
  return found ? statusOf(found.data, found.record, current) : null;
}
