import { Command } from '@nestjs/cqrs';
import { WriteResult } from '../../writes/ledger-writer';
import { WriteContext } from '../../writes/write-context';
import { CampaignCaseDto } from './add-campaign-case.dto';

/** POST /campaigns/{id}/cases: a matter a higher level assigned to the campaign (registrar, leader). */
export class AddCampaignCaseCommand extends Command<WriteResult> {
  constructor(
    readonly ctx: WriteContext,
    readonly campaignId: string,
    readonly body: CampaignCaseDto,
  ) {
    super();
  }
}
