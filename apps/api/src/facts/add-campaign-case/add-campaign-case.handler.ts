import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { assertNotBeforeLaunch, campaignDecider, factTime, streams } from '@app/domain';
import { LedgerWriter, WriteResult } from '../../writes/ledger-writer';
import { FactStream } from '../fact-stream';
import { MatterDirectory } from '../matter-directory';
import { AddCampaignCaseCommand } from './add-campaign-case.command';

@CommandHandler(AddCampaignCaseCommand)
export class AddCampaignCaseHandler implements ICommandHandler<AddCampaignCaseCommand, WriteResult> {
  constructor(
    private readonly writer: LedgerWriter,
    private readonly facts: FactStream,
    private readonly matters: MatterDirectory,
  ) {}

  /**
   * The refusals in the order a client meets them: a future or malformed instant (400), no
   * such campaign (404), dated before the launch, then an unknown matter (422). The domain's
   * rules are asked first here and again by the decider; they are pure, so both agree.
   */
  async execute({ ctx, campaignId, body }: AddCampaignCaseCommand): Promise<WriteResult> {
    const context = this.facts.context();
    const at = factTime(body.occurredAt, context);
    return this.writer.decideAndWrite(ctx, {
      stream: streams.campaign(campaignId),
      expect: 'existing',
      noun: 'campaign',
      decider: campaignDecider,
      command: { type: 'AddCampaignCase', matterId: body.matterId, assignedBy: body.assignedBy, occurredAt: at },
      context,
      check: async (state) => {
        assertNotBeforeLaunch(state, at);
        await this.matters.require(body.matterId, 'matterId');
      },
    });
  }
}
