import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { campaignDecider, streams } from '@app/domain';
import { LedgerWriter, WriteResult } from '../../writes/ledger-writer';
import { checkedFirst, FactStream } from '../fact-stream';
import { LaunchCampaignCommand } from './launch-campaign.command';

@CommandHandler(LaunchCampaignCommand)
export class LaunchCampaignHandler implements ICommandHandler<LaunchCampaignCommand, WriteResult> {
  constructor(
    private readonly writer: LedgerWriter,
    private readonly facts: FactStream,
  ) {}

  /** On `campaign-<id>`; malformed input is a 400 even for an id that exists. */
  async execute({ ctx, body }: LaunchCampaignCommand): Promise<WriteResult> {
    const write = checkedFirst({
      stream: streams.campaign(body.id),
      expect: 'new',
      noun: 'campaign',
      decider: campaignDecider,
      command: {
        type: 'LaunchCampaign',
        campaignId: body.id,
        name: body.name,
        targets: body.targets,
        occurredAt: body.occurredAt,
      },
      context: this.facts.context(),
    });
    return this.writer.decideAndWrite(ctx, write);
  }
}
