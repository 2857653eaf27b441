import { ApiProperty } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import { EVALUATION_RESULTS, EvaluationResult } from '@app/domain';
import { OccurredAtDto } from '../matter-fields.dto';

export class EvaluationDto extends OccurredAtDto {
  @ApiProperty({ enum: EVALUATION_RESULTS, example: 'satisfied' })
  @IsIn(EVALUATION_RESULTS)
  result!: EvaluationResult;
}
