import { ApiProperty } from '@nestjs/swagger';
import { IsBoolean, IsString, Length } from 'class-validator';
import { OccurredAtDto } from '../../matters/matter-fields.dto';

/** 社会稳定风险评估 of a project. */
export class RiskAssessmentDto extends OccurredAtDto {
  @ApiProperty({ example: '城北棚户区改造项目' })
  @IsString()
  @Length(1, 200)
  project!: string;

  @ApiProperty({ example: true })
  @IsBoolean()
  passed!: boolean;
}
