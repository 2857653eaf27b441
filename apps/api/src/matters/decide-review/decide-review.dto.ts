import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsString, Length } from 'class-validator';
import { REVIEW_STAGES, ReviewStage } from '@app/domain';
import { OccurredAtDto } from '../matter-fields.dto';

export class ReviewDecisionDto extends OccurredAtDto {
  @ApiProperty({ enum: REVIEW_STAGES, example: 'review' })
  @IsIn(REVIEW_STAGES)
  stage!: ReviewStage;

  @ApiProperty({ example: 'upheld' })
  @IsString()
  @Length(1, 200)
  outcome!: string;

  @ApiProperty({ example: '维持原处理意见' })
  @IsString()
  @Length(1, 4000)
  note!: string;
}
