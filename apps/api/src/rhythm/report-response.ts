import { StreamableFile } from '@nestjs/common';
import type { Response } from 'express';
import { canonicalJson } from '@app/ledger';
import { Published } from './publications/publication-status';
import { Reported } from './report-point';

export const JSON_TYPE = 'application/json';

/**
 * Reports are sent as canonical JSON (sorted keys, no whitespace): the same
 * figures always give the same bytes, and a ranking computed at a publication's
 * checkpoint is byte for byte what `…/published` returns.
 */
export function canonical(value: unknown): StreamableFile {
  return new StreamableFile(Buffer.from(canonicalJson(value), 'utf8'), { type: `${JSON_TYPE}; charset=utf-8` });
}

/** Stamps the position a report was computed at and hands back its body. */
export function stamped<T>(res: Response, reported: Reported<T>): T {
  res.setHeader('X-Ledger-Position', reported.point.asOf.toString());
  return reported.body;
}

/** The published bytes, with the publication's position, checkpoint, hash and restatement flag in headers. */
export function publishedFile(res: Response, reported: Reported<Published>): StreamableFile {
  const { status, bytes } = stamped(res, reported);
  res.setHeader('X-Publication-Position', status.position);
  res.setHeader('X-Checkpoint-Position', status.checkpoint.position);
  res.setHeader('X-Checkpoint-Root', status.checkpoint.rootHash);
  res.setHeader('X-Content-SHA256', status.contentSha256);
  res.setHeader('X-Restated', String(status.restated));
  return new StreamableFile(bytes, { type: `${JSON_TYPE}; charset=utf-8` });
}
