/**
 * `ledger replay`: a published figure recomputed from the log prefix alone.
 *
 * The read models are built afresh, in a throw-away file, from the first
 * `size` events of the ledger and nothing else; the prefix is checked against
 * the audit root the publication (or a signed checkpoint) recorded, so the
 * figure is shown to follow from exactly the log that was signed. Then the
 * report is computed at that point and compared with what was published.
 */
import { dataFiles, AppConfig, Clock, SystemClock } from '@app/runtime';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { auditLeafBytes, leafHash, toHex, AuditStore, CompactRange } from '@app/audit';
import {
  ClockSettings,
  localDateOf,
  parseHalfMonth,
  parseMonth,
  Period,
  PeriodError,
  PublicationData,
  rangePeriod,
  restatement,
  Restatement,
  Result,
  upcast,
} from '@app/domain';
import { canonicalJson, EventEnvelope, EventStore, LedgerHead, Position, START } from '@app/ledger';
import {
  computeBulletin,
  computeRanking,
  openReadModelDb,
  overviewReport,
  ProjectionRunner,
  readModelProjections,
} from '@app/projections';
import { CliError } from '../cli-errors';
import { openLedgerForReading } from './open-ledger';

export type ReplayReport = 'overview' | 'ranking' | 'bulletin';

export interface ReplayOptions {
  readonly report: ReplayReport;
  /** ranking: 2022-04; bulletin: 2022-04-H1; overview: 2022-01-01..2022-06-30 */
  readonly period: string;
  /** 'published' (default for rankings and bulletins), 'latest' (the latest signed checkpoint), or a tree size. */
  readonly asOf?: string;
  /** The date the report is computed on; default: the publication's, else today. */
  readonly today?: string;
  /** Where "today" comes from when neither `today` nor a publication gives it. */
  readonly clock?: Clock;
  readonly onProgress?: (applied: number, total: number) => void;
}

export interface ReplayOutcome {
  readonly report: ReplayReport;
  readonly period: string;
  readonly asOf: {
    readonly size: number;
    readonly position: string;
    /** The root recomputed from the prefix. */
    readonly rootHash: string;
    /** Where the root it was checked against came from, or null if none was available. */
    readonly rootCheckedAgainst: 'publication' | 'checkpoint' | null;
    readonly today: string;
  };
  readonly published: { readonly position: string; readonly contentSha256: string } | null;
  readonly contentSha256: string;
  /** Null when there is nothing published to compare with. */
  readonly equal: boolean | null;
  readonly restatement: Restatement | null;
  readonly figure: unknown;
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

export async function replay(
  config: AppConfig,
  settings: ClockSettings,
  options: ReplayOptions,
): Promise<ReplayOutcome> {
  const period = parseReportPeriod(options.report, options.period);
  if (config.store !== 'eventstoredb' && !existsSync(dataFiles(config).ledger))
    throw new CliError(`no ledger at ${dataFiles(config).ledger}`);
  const ledger = openLedgerForReading(config);
  const scratch = mkdtempSync(join(tmpdir(), 'ledger-replay-'));
  try {
    const publication =
      options.report === 'overview' ? null : await findPublication(ledger, options.report, period.id, settings);
    const target = targetPrefix(config, options, publication);
    const today = options.today ?? publication?.today ?? (options.clock ?? new SystemClock(settings.timeZone)).today();

    // One pass over the prefix: the throw-away read models and the audit root of the same events.
    const prefix = new PrefixReader(ledger, target.size);
    const projections = readModelProjections(settings);
    const { db } = openReadModelDb(dataFiles({ dataDir: scratch }).readModels, projections);
    try {
      const runner = new ProjectionRunner(prefix, db, projections, {
        onBatch: () => options.onProgress?.(prefix.read, target.size),
      });
      await runner.catchUp();
      if (prefix.read < target.size) {
        throw new CliError(
          `the ledger holds ${prefix.read} events, fewer than the ${target.size} of the prefix asked for`,
          1,
        );
      }
      const rootHash = toHex(prefix.range.root());
      if (target.rootHash !== null && target.rootHash !== rootHash) {
        throw new CliError(
          `the first ${target.size} events of this ledger do not have the audit root the ${target.rootSource} recorded ` +
            `(${target.rootHash}, recomputed ${rootHash}): the log was altered; run ledger verify`,
          1,
        );
      }
      const position = prefix.lastPosition;
      const point = { asOf: position, today };
      const figure =
        options.report === 'ranking'
          ? // The rule it was published with: the scratch read models end before the publication event.
            computeRanking(db, period, point, { rule: publication?.data.rule ?? null }).document
          : options.report === 'bulletin'
            ? computeBulletin(db, period, point)
            : overviewReport(db, { from: period.from, to: period.to }, position, today);
      const contentSha256 = sha256(canonicalJson(figure));
      const differences = publication ? restatement(publication.data.content, figure) : null;
      return {
        report: options.report,
        period: period.id,
        asOf: {
          size: target.size,
          position: position.toString(),
          rootHash,
          rootCheckedAgainst: target.rootHash === null ? null : target.rootSource,
          today,
        },
        published: publication
          ? { position: publication.position, contentSha256: sha256(canonicalJson(publication.data.content)) }
          : null,
        contentSha256,
        equal: publication ? differences === null : null,
        restatement: differences,
        figure,
      };
    } finally {
      db.close();
    }
  } finally {
    await ledger.close();
    rmSync(scratch, { recursive: true, force: true });
  }
}

function parseReportPeriod(report: ReplayReport, text: string): Period {
  let parsed: Result<Period, PeriodError>;
  if (report === 'ranking') parsed = parseMonth(text);
  else if (report === 'bulletin') parsed = parseHalfMonth(text);
  else {
    const range = /^(\d{4}-\d{2}-\d{2})(?:\.\.|\/)(\d{4}-\d{2}-\d{2})$/.exec(text);
    if (!range)
      throw new CliError(
        `--period for the overview is FROM..TO, e.g. 2022-01-01..2022-06-30; got ${JSON.stringify(text)}`,
      );
    parsed = rangePeriod(range[1], range[2]);
  }
  if (!parsed.ok) throw new CliError(`--period: ${parsed.error.message}`);
  return parsed.value;
}

interface FoundPublication {
  readonly data: PublicationData;
  readonly position: string;
  readonly today: string;
}

async function findPublication(
  ledger: EventStore,
  kind: 'ranking' | 'bulletin',
  period: string,
  settings: ClockSettings,
): Promise<FoundPublication | null> {
  const [event] = await ledger.readStream(`publication-${kind}-${period}`);
  if (!event) return null;
  return {
    data: upcast(event.type, event.version, event.data) as PublicationData,
    position: event.position.toString(),
    // Published figures were computed on the day of publication.
    today: localDateOf(event.occurredAt, settings.timeZone),
  };
}

interface TargetPrefix {
  readonly size: number;
  readonly rootHash: string | null;
  readonly rootSource: 'publication' | 'checkpoint';
}

function targetPrefix(config: AppConfig, options: ReplayOptions, publication: FoundPublication | null): TargetPrefix {
  const asOf = options.asOf ?? (options.report === 'overview' ? 'latest' : 'published');
  if (asOf === 'published') {
    if (!publication)
      throw new CliError(
        `the ${options.report} of ${options.period} has not been published; use --as-of latest or a size`,
      );
    const { size, rootHash } = publication.data.checkpoint;
    if (size === undefined)
      throw new CliError('the publication records no audit tree size; replay it with --as-of <size>');
    return { size, rootHash, rootSource: 'publication' };
  }
  const file = dataFiles(config).audit;
  const audit = existsSync(file) ? AuditStore.open(file, { readonly: true }) : null;
  try {
    if (asOf === 'latest') {
      const latest = audit?.latestCheckpoint();
      if (!latest) throw new CliError('no signed checkpoint to replay at; give --as-of <size>');
      return { size: latest.size, rootHash: latest.rootHash, rootSource: 'checkpoint' };
    }
    if (!/^\d{1,16}$/.test(asOf))
      throw new CliError(`--as-of expects published, latest or a number of events, got ${JSON.stringify(asOf)}`);
    const size = Number(asOf);
    return { size, rootHash: audit?.checkpointOfSize(size)?.rootHash ?? null, rootSource: 'checkpoint' };
  } finally {
    audit?.close();
  }
}

/**
 * The ledger cut off after its first `size` events, for the projection runner,
 * hashing each event's audit leaf as it passes.
 */
class PrefixReader implements EventStore {
  readonly range = new CompactRange();
  read = 0;
  lastPosition: Position = START;

  constructor(
    private readonly ledger: EventStore,
    private readonly size: number,
  ) {}

  async readAll(fromPosition: Position, limit: number): Promise<EventEnvelope[]> {
    const left = this.size - this.read;
    if (left <= 0) return [];
    const batch = await this.ledger.readAll(fromPosition, Math.min(limit, left));
    for (const event of batch) {
      this.range.append(leafHash(auditLeafBytes(event, this.read)));
      this.read++;
      this.lastPosition = event.position;
    }
    return batch;
  }

  // The runner reads nothing else; the rest of the port is not needed for a replay.
  append(): never {
    throw new Error('a replay never writes');
  }
  readStream(): never {
    throw new Error('not used by a replay');
  }
  subscribe(): never {
    throw new Error('not used by a replay');
  }
  async head(): Promise<LedgerHead> {
    return { position: this.lastPosition, events: this.read, streams: 0 };
  }
  async findIdempotency(): Promise<null> {
    return null;
  }
  async close(): Promise<void> {}
}
