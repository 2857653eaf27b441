import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Length, Matches } from 'class-validator';
import { DATE } from '../matter-fields.dto';
import { ReadQueryDto } from '../../read-models/read-query.dto';

export class ListMattersQueryDto extends ReadQueryDto {
  @ApiPropertyOptional() @IsOptional() @Matches(/^[A-Za-z0-9_-]{1,64}$/) unit?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 40) status?: string;
  @ApiPropertyOptional({ enum: ['true', 'false'] }) @IsOptional() @IsIn(['true', 'false']) overdue?: string;
  @ApiPropertyOptional({ example: '2022-01-01' })
  @IsOptional()
  @Matches(DATE, { message: 'must be YYYY-MM-DD' })
  from?: string;
  @ApiPropertyOptional({ example: '2022-06-30' })
  @IsOptional()
  @Matches(DATE, { message: 'must be YYYY-MM-DD' })
  to?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 200) subject?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 200) cursor?: string;
  @ApiPropertyOptional({ default: 50, maximum: 500 }) @IsOptional() @Matches(/^\d{1,3}$/) limit?: string;
}
