// `ledger export`: the log, the signed checkpoints and the public key as one NDJSON file (see libs/audit audit-export.ts).
import { AppConfig, systemNow } from '@app/runtime';
import { createWriteStream } from 'node:fs';
import { finished } from 'node:stream/promises';
import { Writable } from 'node:stream';
import {
  loadSigningKey,
  auditLeafHash,
  EXPORT_FORMAT,
  ExportHeader,
  formatLine,
  parseVerifierKey,
  toAuditEventLine,
  toHex,
  META_ORIGIN,
  META_VERIFIER_KEY,
} from '@app/audit';
import { Position, START } from '@app/ledger';
import { openAuditSource } from './data-dir';

export interface ExportSummary {
  readonly events: number;
  readonly checkpoints: number;
}

/** Writes the log, the signed checkpoints and the public key as one NDJSON file (see audit-export.ts). */
export async function writeExport(config: AppConfig, out: Writable, now: Date = systemNow()): Promise<ExportSummary> {
  const { ledger, audit } = openAuditSource(config);
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
      const batch = await ledger.readAll(next, 1000);
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
