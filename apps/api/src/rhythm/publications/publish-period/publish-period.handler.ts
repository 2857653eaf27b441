import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { performance } from 'node:perf_hooks';
import {
  assertPeriodEnded,
  Checkpoint,
  Period,
  PublicationData,
  publicationDecider,
  PublishedKind,
  streams,
  upcast,
} from '@app/domain';
import { EVENT_STORE, EventStore, Position } from '@app/ledger';
import { ReportPoint } from '@app/projections';
import { APP_CONFIG, AppConfig, Clock, CLOCK } from '@app/runtime';
import { AuditService } from '../../../audit/audit.service';
import { conflict, ProblemException, serviceUnavailable } from '../../../http/problem';
import { ReadModels } from '../../../read-models/read-models.service';
import { LedgerWriter } from '../../../writes/ledger-writer';
import { WriteContext } from '../../../writes/write-context';
import { parseReportPeriod } from '../../report-point';
import { PeriodReports } from '../period-reports';
import { publishedBytes, sha256, statusOf } from '../publication-status';
import { PublishPeriodCommand, PublishResult } from './publish-period.command';

/**
 * Freezes a finished period as an event: the figures computed at the latest signed
 * audit checkpoint that covers everything this server has acknowledged, with that
 * checkpoint's position and root, and the rule version. The rules (ended, once) are
 * the domain's `publicationDecider`.
 */
@CommandHandler(PublishPeriodCommand)
export class PublishPeriodHandler implements ICommandHandler<PublishPeriodCommand, PublishResult> {
  constructor(
    private readonly writer: LedgerWriter,
    private readonly readModels: ReadModels,
    private readonly reports: PeriodReports,
    private readonly audit: AuditService,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async execute({ ctx, kind, period: id }: PublishPeriodCommand): Promise<PublishResult> {
    const period = parseReportPeriod(kind, id);
    const today = this.clock.today();
    // Before any figures are computed or any checkpoint awaited (the decider checks it again).
    assertPeriodEnded(period, today);
    const stream = streams.publication(kind, period.id);
    if (ctx.idempotencyKey && (await this.store.findIdempotency(ctx.idempotencyKey))) {
      // A retry: the writer answers as it did the first time (409 if the key came with another request).
      return this.answer(await this.write(ctx, kind, period, null), stream.name);
    }
    await this.refuseIfPublished(kind, period, stream.name);
    const head = await this.readModels.ready();
    const checkpoint = await this.checkpointCovering(head);
    const point: ReportPoint = { asOf: BigInt(checkpoint.position), today };
    await this.readModels.ready(point.asOf);
    const content = this.reports.compute(kind, period, point);
    const rule = content.kind === 'ranking' ? { id: content.rule.id, version: content.rule.version } : null;
    const data: PublicationData = { period: period.id, rule, checkpoint, content };
    try {
      const result = await this.write(ctx, kind, period, data);
      return { ...result, checkpoint, rule, contentSha256: sha256(publishedBytes(data)) };
    } catch (error) {
      // Published by someone else between our check and our write.
      if (error instanceof ProblemException && error.slug === 'already-exists')
        await this.refuseIfPublished(kind, period, stream.name);
      throw error;
    }
  }

  /** `data` null only for a retry, which the writer answers before anything is decided. */
  private write(ctx: WriteContext, kind: PublishedKind, period: Period, data: PublicationData | null) {
    return this.writer.decideAndWrite(ctx, {
      stream: streams.publication(kind, period.id),
      expect: 'new',
      noun: `${kind} publication`,
      decider: publicationDecider,
      command: { type: 'PublishPeriod', kind, period, data: data! },
      context: { now: this.clock.now().toISOString(), today: this.clock.today() },
    });
  }

  /** A retry's answer, from the publication the first request wrote. */
  private async answer(
    replay: { id: string; revision: number; position: string },
    stream: string,
  ): Promise<PublishResult> {
    const [event] = await this.store.readStream(stream);
    const first = upcast(event.type, event.version, event.data) as PublicationData;
    return { ...replay, checkpoint: first.checkpoint, rule: first.rule, contentSha256: sha256(publishedBytes(first)) };
  }

  /** 409 with the published version and, when the figures have moved since, the restatement beside it. */
  private async refuseIfPublished(kind: PublishedKind, period: Period, stream: string): Promise<void> {
    const [event] = await this.store.readStream(stream);
    if (!event) return;
    const data = upcast(event.type, event.version, event.data) as PublicationData;
    const point: ReportPoint = { asOf: await this.readModels.ready(), today: this.clock.today() };
    const status = statusOf(
      data,
      { position: event.position.toString(), recordedAt: event.recordedAt, actor: event.actor },
      this.reports.compute(kind, period, point),
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
    // Elapsed time by the monotonic timer, not the clock: a fixed test clock must not make this wait forever.
    const deadline = performance.now() + this.config.checkpointSeconds * 1000 + this.config.minPositionTimeoutMs;
    for (;;) {
      const latest = this.audit.latestCheckpoint();
      if (latest && BigInt(latest.position) >= this.audit.mustCover(position)) {
        return { position: latest.position, rootHash: latest.rootHash, size: latest.size };
      }
      if (performance.now() > deadline) {
        throw serviceUnavailable(
          `no signed audit checkpoint covers position ${position} yet (latest: ${latest?.position ?? 'none'}); retry shortly`,
        );
      }
      this.audit.considerCheckpoint({ onDemand: true });
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
}
