// `ledger verify --url`: a running server, through its audit API (the only audit command that talks to a server).
import {
  AuditEventLine,
  completeTrustedKey,
  describeTrustedKey,
  NO_TRUSTED_KEY,
  parseTrustedKey,
  signatureCheck,
  TrustedKeyChoice,
  ExportCheckpoint,
  parseAuditEventLine,
  parseVerifierKey,
  StoredCheckpoint,
  verifyEventLines,
} from '@app/audit';
import { CliError } from '../cli-errors';
import { toStoredCheckpoint } from './verify-outcome';
import type { VerifyOutcome, Warn } from './verify-outcome';

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
