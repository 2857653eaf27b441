import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsString, Length, ValidateIf } from 'class-validator';
import { CORRECTABLE_FIELDS, CorrectableField } from '@app/domain';

export class CorrectionDto {
  @ApiProperty({ enum: CORRECTABLE_FIELDS, example: 'category' })
  @IsIn(CORRECTABLE_FIELDS)
  field!: CorrectableField;

  @ApiProperty({
    type: String,
    example: 'urban_rural_construction',
    nullable: true,
    description: 'null only clears subject',
  })
  @ValidateIf((o: CorrectionDto) => o.value !== null)
  @IsString()
  @Length(1, 4000)
  value!: string | null;

  @ApiProperty({ example: '登记时类别选错' })
  @IsString()
  @Length(1, 4000)
  reason!: string;
}
