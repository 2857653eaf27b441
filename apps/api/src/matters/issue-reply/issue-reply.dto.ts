import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsString, Length } from 'class-validator';
import { REPLY_OUTCOMES, ReplyOutcome } from '@app/domain';
import { OccurredAtDto } from '../matter-fields.dto';

export class ReplyDto extends OccurredAtDto {
  @ApiProperty({ enum: REPLY_OUTCOMES, example: 'supported' })
  @IsIn(REPLY_OUTCOMES)
  outcome!: ReplyOutcome;

  @ApiProperty({ example: '已督促企业支付工资' })
  @IsString()
  @Length(1, 4000)
  note!: string;
}
