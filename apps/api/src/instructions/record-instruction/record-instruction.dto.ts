import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Length, Matches } from 'class-validator';
import { MAX_TEXT_LENGTH } from '@app/domain';
import { INSTANT } from '../../matters/matter.dto';

/** `POST /instructions` (批示): a leader's written instruction on petition work. */
export class RecordInstructionDto {
  @ApiProperty({ example: '市委书记', description: 'the leader (name or office) who gave the instruction' })
  @IsString()
  @Length(1, 200)
  leader!: string;

  @ApiProperty({
    example: '2022-03-02T08:00:00+08:00',
    description: 'when the instruction was given; not in the future',
  })
  @Matches(INSTANT, { message: 'must be an ISO-8601 instant with an offset, e.g. 2022-03-02T08:00:00+08:00' })
  occurredAt!: string;

  @ApiPropertyOptional({ example: 'XF-2022-0001', description: 'the matter it is about, if any (must exist)' })
  @IsOptional()
  @Matches(/^[A-Za-z0-9_-]{1,64}$/, { message: 'must be a matter id' })
  matterId?: string;

  @ApiPropertyOptional({ example: '紫悦华府', description: 'the subject tag it is about (a project, employer, place)' })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  subject?: string;

  @ApiProperty({ example: '抓紧化解，每周报告进展' })
  @IsString()
  @Length(1, MAX_TEXT_LENGTH)
  text!: string;
}
