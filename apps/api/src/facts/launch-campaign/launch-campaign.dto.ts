import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsNumber, IsString, Length, Matches, Max, Min, ValidateNested } from 'class-validator';
import { OccurredAtDto } from '../../matters/matter-fields.dto';
import { ID, ID_MESSAGE, DATE, DATE_MESSAGE } from '../fact-fields.dto';

export class CampaignTargetDto {
  @ApiProperty({ example: '2022-06-30', description: 'the date by which the rate is to be reached' })
  @Matches(DATE, { message: DATE_MESSAGE })
  by!: string;

  @ApiProperty({ example: 80, description: 'percent of the campaign’s cases resolved by then, in (0, 100]' })
  @IsNumber({ allowNaN: false, allowInfinity: false, maxDecimalPlaces: 2 })
  @Min(0)
  @Max(100)
  rate!: number;
}

/** 积案化解: a backlog campaign with dated resolution targets; stream `campaign-<id>`. */
export class CampaignDto extends OccurredAtDto {
  @ApiProperty({ example: 'backlog-2022', description: '^[A-Za-z0-9_-]{1,64}$' })
  @Matches(ID, { message: ID_MESSAGE })
  id!: string;

  @ApiProperty({ example: '重复信访积案专项治理' })
  @IsString()
  @Length(1, 200)
  name!: string;

  @ApiProperty({
    type: [CampaignTargetDto],
    example: [
      { by: '2022-06-30', rate: 80 },
      { by: '2022-07-31', rate: 90 },
    ],
  })
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => CampaignTargetDto)
  targets!: CampaignTargetDto[];
}
