import { Inject, Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import {
  adoptRankingRule,
  ClockSettings,
  compareDates,
  Checkpoint,
  DEFAULT_RANKING_RULE,
  domainEvent,
  localDateOf,
  parseHalfMonth,
  parseMonth,
  parseWeek,
  Period,
  PeriodError,
  PublicationData,
  RankingRuleAdoptedData,
  restatement,
  Restatement,
  Result,
  ruleInForce,
  addMonths,
  firstDayOfMonth,
  upcast,
} from '@app/domain';
import { canonicalJson, EVENT_STORE, EventStore, Position } from '@app/ledger';
import {
  BulletinDocument,
  computeAgenda,
  computeBulletin,
  computeDossier,
  computeRanking,
  explainRanking,
  PublicationKind,
  publicationKnownAt,
  RankingDocument,
  ReportPoint,
  rulesKnownAt,
} from '@app/projections';
import { actsForUnit, Principal, unitScope } from '@app/security';
import { AuditService } from '../audit/audit.service';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { badRequest, conflict, forbidden, notFound, ProblemException, serviceUnavailable } from '../http/problem';
import { CLOCK_SETTINGS } from '../read-models/clock-settings';
import { ReadModels } from '../read-models/read-models.service';
import { LedgerWriter, WriteResult } from '../writes/ledger-writer';
import { WriteContext } from '../writes/write-context';
import { RankingRuleDto } from './rhythm.dto';

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

export interface Published {
  readonly bytes: Buffer;
  readonly status: PublicationStatus;
}

const KINDS = {
  ranking: { type: 'RankingPublished', noun: 'ranking', parse: parseMonth, field: 'month' },
  bulletin: { type: 'BulletinPublished', noun: 'bulletin', parse: parseHalfMonth, field: 'halfMonth' },
} as const;

export const sha256 = (bytes: Buffer | string): string => createHash('sha256').update(bytes).digest('hex');

const publicationStream = (kind: PublicationKind, period: string) => `publication-${kind}-${period}`;

/**
 * The bureau's rhythm over the read models: agenda, bulletin, ranking, dossier,
 * and the publications that freeze a bulletin or ranking as an event.
 */
@Injectable()
export class RhythmService {
  constructor(
    private readonly readModels: ReadModels,
    private readonly writer: LedgerWriter,
    private readonly audit: AuditService,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK_SETTINGS) private readonly settings: ClockSettings,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  today(): string {
    return localDateOf(new Date().toISOString(), this.settings.timeZone);
  }

  /** The position a report is computed at: `asOf` when given (never beyond the ledger), else all the read models hold. */
  async point(asOf?: string): Promise<ReportPoint> {
    let position = await this.readModels.ready();
    if (asOf !== undefined) {
      const wanted = BigInt(asOf);
      const head = (await this.store.head()).position;
      if (wanted > head) {
        throw badRequest(`asOf ${wanted} is beyond the ledger's last position ${head}`, [
          { field: 'asOf', message: 'beyond the ledger' },
        ]);
      }
      await this.readModels.ready(wanted);
      position = wanted;
    }
    return { asOf: position, today: this.today() };
  }

  period(kind: 'week' | PublicationKind, id: string): Period {
    const parse: (id: string) => Result<Period, PeriodError> = kind === 'week' ? parseWeek : KINDS[kind].parse;
    const parsed = parse(id);
    if (!parsed.ok) {
      const field = kind === 'week' ? 'week' : KINDS[kind].field;
      throw badRequest(parsed.error.message, [{ field, message: parsed.error.message }]);
    }
    return parsed.value;
  }

  // ---- reports ----

  /** How a bulletin is printed here: the issuing office of its title block (LEDGER_ISSUING_OFFICE). */
  printOptions(): { readonly issuingOffice: string } {
    return { issuingOffice: this.config.issuingOffice };
  }

  bulletin(period: Period, point: ReportPoint): BulletinDocument {
    return computeBulletin(this.readModels.db, period, point);
  }

  ranking(period: Period, point: ReportPoint): RankingDocument {
    return computeRanking(this.readModels.db, period, point).document;
  }

  explanation(period: Period, unit: string, point: ReportPoint, principal: Principal) {
    assertMayReadUnit(principal, unit);
    const explanation = explainRanking(computeRanking(this.readModels.db, period, point), unit);
    if (!explanation) throw notFound(`no unit ${unit}`);
    return explanation;
  }

  agenda(week: Period, point: ReportPoint, principal: Principal) {
    return computeAgenda(this.readModels.db, week, point, unitScope(principal));
  }

  dossier(unit: string, point: ReportPoint, principal: Principal) {
    assertMayReadUnit(principal, unit);
    const dossier = computeDossier(this.readModels.db, unit, point);
    if (!dossier) throw notFound(`no unit ${unit}`);
    return dossier;
  }

  /** The publication of a period known at the position, compared with `current` (the same period computed there). */
  publicationStatus(
    kind: PublicationKind,
    period: string,
    point: ReportPoint,
    current: unknown,
  ): PublicationStatus | null {
    const row = publicationKnownAt(this.readModels.db, kind, period, point.asOf);
    if (!row) return null;
    return statusOf(
      JSON.parse(row.data) as PublicationData,
      { position: row.position, recordedAt: row.recordedAt, actor: row.actor },
      current,
    );
  }

  /** The published bytes, exactly as frozen in the event, with how they stand against the figures computed now. */
  async published(kind: PublicationKind, period: Period, point: ReportPoint): Promise<Published> {
    const row = publicationKnownAt(this.readModels.db, kind, period.id, point.asOf);
    if (!row) throw notFound(`the ${kind} of ${period.id} has not been published`);
    const data = JSON.parse(row.data) as PublicationData;
    const current = kind === 'ranking' ? this.ranking(period, point) : this.bulletin(period, point);
    return {
      bytes: Buffer.from(canonicalJson(data.content), 'utf8'),
      status: statusOf(data, { position: row.position, recordedAt: row.recordedAt, actor: row.actor }, current),
    };
  }

  // ---- publishing ----

  /**
   * Freezes a finished period as an event: the figures computed at the latest
   * signed audit checkpoint that covers everything this server has acknowledged,
   * with that checkpoint's position and root, and the rule version. Once per period.
   */
  async publish(
    kind: PublicationKind,
    period: Period,
    ctx: WriteContext,
  ): Promise<WriteResult & { checkpoint: Checkpoint; rule: PublicationData['rule']; contentSha256: string }> {
    const today = this.today();
    if (compareDates(period.to, today) >= 0) {
      throw new ProblemException(
        422,
        'rules/period-not-ended',
        'A period can be published only after it has ended',
        `period-not-ended: ${period.id} ends on ${period.to}; it can be published from the next day`,
        [],
        { rule: 'period-not-ended' },
      );
    }
    const stream = publicationStream(kind, period.id);
    const id = `${kind}-${period.id}`;
    const noun = `${kind} publication`;
    if (ctx.idempotencyKey && (await this.store.findIdempotency(ctx.idempotencyKey))) {
      // A retry: the writer answers as it did the first time (409 if the key came with another request).
      const replay = await this.writer.write(ctx, { id, stream, expect: 'new', noun, decide: () => [] });
      const [event] = await this.store.readStream(stream);
      const first = upcast(event.type, event.version, event.data) as PublicationData;
      return {
        ...replay,
        id,
        checkpoint: first.checkpoint,
        rule: first.rule,
        contentSha256: sha256(canonicalJson(first.content)),
      };
    }
    await this.refuseIfPublished(kind, period, stream);
    const head = await this.readModels.ready();
    const checkpoint = await this.checkpointCovering(head);
    const point: ReportPoint = { asOf: BigInt(checkpoint.position), today };
    await this.readModels.ready(point.asOf);
    const content = kind === 'ranking' ? this.ranking(period, point) : this.bulletin(period, point);
    const rule = content.kind === 'ranking' ? { id: content.rule.id, version: content.rule.version } : null;
    const data: PublicationData = { period: period.id, rule, checkpoint, content };
    const type = KINDS[kind].type;
    try {
      const result = await this.writer.write(ctx, {
        id,
        stream,
        expect: 'new',
        noun,
        decide: () => [domainEvent(type, new Date().toISOString(), data)],
      });
      return { ...result, checkpoint, rule, contentSha256: sha256(canonicalJson(content)) };
    } catch (error) {
      // Published by someone else between our check and our write.
      if (error instanceof ProblemException && error.slug === 'already-exists')
        await this.refuseIfPublished(kind, period, stream);
      throw error;
    }
  }

  /** 409 with the published version and, when the figures have moved since, the restatement beside it. */
  private async refuseIfPublished(kind: PublicationKind, period: Period, stream: string): Promise<void> {
    const [event] = await this.store.readStream(stream);
    if (!event) return;
    const data = upcast(event.type, event.version, event.data) as PublicationData;
    const point = await this.point();
    const current = kind === 'ranking' ? this.ranking(period, point) : this.bulletin(period, point);
    const status = statusOf(
      data,
      { position: event.position.toString(), recordedAt: event.recordedAt, actor: event.actor },
      current,
    );
    throw conflict(
      'already-published',
      `the ${kind} of ${period.id} was published at position ${event.position}; a publication is never replaced` +
        (status.restated
          ? ` (the figures computed now differ: ${status.restatement!.differences} changes, shown as a restatement)`
          : ''),
      { published: status },
    );
  }

  /** The latest signed checkpoint, once one covers `position`: cut on demand as soon as the tree holds it. */
  private async checkpointCovering(position: Position): Promise<Checkpoint> {
    const deadline = Date.now() + this.config.checkpointSeconds * 1000 + this.config.minPositionTimeoutMs;
    for (;;) {
      const latest = this.audit.latestCheckpoint();
      if (latest && BigInt(latest.position) >= position) {
        return { position: latest.position, rootHash: latest.rootHash, size: latest.size };
      }
      if (Date.now() > deadline) {
        throw serviceUnavailable(
          `no signed audit checkpoint covers position ${position} yet (latest: ${latest?.position ?? 'none'}); retry shortly`,
        );
      }
      this.audit.considerCheckpoint({ onDemand: true });
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  // ---- ranking rules ----

  async adoptRule(
    body: RankingRuleDto,
    ctx: WriteContext,
  ): Promise<WriteResult & { version: number; inForceFrom: string }> {
    const stream = `ranking-rule-${body.id}`;
    let adoptedAt = '';
    const result = await this.writer.write(ctx, {
      id: body.id,
      stream,
      expect: 'any',
      noun: 'ranking rule',
      decide: (history) => {
        const latest = history.length
          ? (
              upcast(
                'RankingRuleAdopted',
                history[history.length - 1].version,
                history[history.length - 1].data,
              ) as RankingRuleAdoptedData
            ).version
          : null;
        const event = adoptRankingRule({ type: 'AdoptRankingRule', ...body }, latest, {
          now: new Date().toISOString(),
        });
        adoptedAt = event.occurredAt;
        return [event];
      },
    });
    if (!adoptedAt) {
      // An idempotent replay decided nothing: the adoption is the event the first request wrote.
      const [event] = await this.store.readStream(stream, result.revision);
      adoptedAt = event.occurredAt;
    }
    // In force from the first month that begins after the day of adoption.
    const inForceFrom = addMonths(firstDayOfMonth(localDateOf(adoptedAt, this.settings.timeZone)), 1).slice(0, 7);
    return { ...result, version: body.version, inForceFrom };
  }

  rules(point: ReportPoint, month?: Period) {
    const adopted = rulesKnownAt(this.readModels.db, point.asOf);
    return {
      asOf: point.asOf.toString(),
      default: DEFAULT_RANKING_RULE,
      adopted: adopted.map((a) => ({
        ...a.rule,
        adoptedAt: a.adoptedAt,
        adoptedOn: a.adoptedOn,
        position: a.position,
        inForceFrom: addMonths(firstDayOfMonth(a.adoptedOn), 1).slice(0, 7),
      })),
      ...(month ? { inForce: { month: month.id, ...ruleInForce(adopted, month) } } : {}),
    };
  }
}

function statusOf(
  data: PublicationData,
  event: { position: string; recordedAt: string; actor: { id: string; role: string } },
  current: unknown,
): PublicationStatus {
  const restated = restatement(data.content, current);
  return {
    position: event.position,
    publishedAt: event.recordedAt,
    publishedBy: event.actor,
    checkpoint: data.checkpoint,
    rule: data.rule,
    contentSha256: sha256(canonicalJson(data.content)),
    restated: restated !== null,
    restatement: restated,
  };
}

/** Rankings and bulletins are open to every role; a handler reads the explanation and dossier of its own units only. */
export function assertMayReadUnit(principal: Principal, unit: string): void {
  if (!actsForUnit(principal, unit)) throw forbidden(`unit ${unit} is not one of your units`);
}
