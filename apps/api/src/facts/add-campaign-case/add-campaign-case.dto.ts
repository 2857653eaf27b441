import { ApiProperty } from '@nestjs/swagger';
import { IsIn, Matches } from 'class-validator';
import { CAMPAIGN_ASSIGNERS, CampaignAssigner } from '@app/domain';
import { OccurredAtDto } from '../../matters/matter-fields.dto';
import { ID, ID_MESSAGE } from '../fact-fields.dto';

/** A matter assigned to the campaign by a higher level. */
export class CampaignCaseDto extends OccurredAtDto {
  @ApiProperty({ example: 'XF-2021-0042', description: 'an existing matter' })
  @Matches(ID, { message: ID_MESSAGE })
  matterId!: string;

  @ApiProperty({ enum: CAMPAIGN_ASSIGNERS, example: 'province' })
  @IsIn(CAMPAIGN_ASSIGNERS)
  assignedBy!: CampaignAssigner;
}
