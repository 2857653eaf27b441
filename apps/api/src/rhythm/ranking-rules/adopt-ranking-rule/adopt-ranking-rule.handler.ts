import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { ClockSettings, localDateOf, rankingRuleDecider, rankingRuleInForceFrom, streams } from '@app/domain';
import { EVENT_STORE, EventStore } from '@app/ledger';
import { Clock, CLOCK, CLOCK_SETTINGS } from '@app/runtime';
import { LedgerWriter } from '../../../writes/ledger-writer';
import { AdoptRankingRuleCommand, AdoptRuleResult } from './adopt-ranking-rule.command';

@CommandHandler(AdoptRankingRuleCommand)
export class AdoptRankingRuleHandler implements ICommandHandler<AdoptRankingRuleCommand, AdoptRuleResult> {
  constructor(
    private readonly writer: LedgerWriter,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(CLOCK_SETTINGS) private readonly settings: Pick<ClockSettings, 'timeZone'>,
  ) {}

  async execute({ ctx, body }: AdoptRankingRuleCommand): Promise<AdoptRuleResult> {
    const stream = streams.rankingRule(body.id);
    const result = await this.writer.decideAndWrite(ctx, {
      stream,
      expect: 'any',
      noun: 'ranking rule',
      decider: rankingRuleDecider,
      command: { type: 'AdoptRankingRule', ...body },
      // The server's clock, never the caller's: a rule cannot be back-dated (see the decider).
      context: { now: this.clock.now().toISOString() },
    });
    // The adoption as written (by this request, or by the first one when this is an idempotent retry).
    const [adopted] = await this.store.readStream(stream.name, result.revision);
    const inForceFrom = rankingRuleInForceFrom(localDateOf(adopted.occurredAt, this.settings.timeZone));
    return { ...result, version: body.version, inForceFrom };
  }
}
