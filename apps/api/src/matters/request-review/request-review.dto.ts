import { ApiProperty } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import { REVIEW_STAGES, ReviewStage } from '@app/domain';
import { OccurredAtDto } from '../matter-fields.dto';

export class ReviewRequestDto extends OccurredAtDto {
  @ApiProperty({ enum: REVIEW_STAGES, example: 'review' })
  @IsIn(REVIEW_STAGES)
  stage!: ReviewStage;
}
