import { Command } from '@nestjs/cqrs';
import { WriteResult } from '../../writes/ledger-writer';
import { WriteContext } from '../../writes/write-context';
import { CampaignDto } from './launch-campaign.dto';

/** POST /campaigns: a backlog campaign with its dated targets (积案化解; registrar, leader). */
export class LaunchCampaignCommand extends Command<WriteResult> {
  constructor(
    readonly ctx: WriteContext,
    readonly body: CampaignDto,
  ) {
    super();
  }
}
