import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsString, Length, ValidateIf } from 'class-validator';
import { OccurredAtDto } from '../matter-fields.dto';

export class AcceptanceDto extends OccurredAtDto {
  @ApiProperty({ example: true })
  @IsBoolean()
  accepted!: boolean;

  @ApiPropertyOptional({ description: 'required when not accepted' })
  @ValidateIf((o: AcceptanceDto) => o.accepted === false || o.reason !== undefined)
  @IsString()
  @Length(1, 4000)
  reason?: string;
}
