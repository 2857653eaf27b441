import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsOptional, IsString, Length, Matches, ValidateNested } from 'class-validator';
import { CATEGORIES, Category } from '@app/domain';
import { ContactDto, PetitionerDto } from '../matter-fields.dto';

export class OpenMatterDto {
  @ApiPropertyOptional({ example: 'XF-2022-0001', description: '^[A-Za-z0-9_-]{1,64}$, else generated' })
  @IsOptional()
  @Matches(/^[A-Za-z0-9_-]{1,64}$/, { message: 'must be 1-64 letters, digits, - or _' })
  id?: string;

  @ApiProperty({ enum: CATEGORIES, example: 'labour_social_security' })
  @IsIn(CATEGORIES)
  category!: Category;

  @ApiPropertyOptional({ example: '紫悦华府', description: 'the project, employer or place it is about' })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  subject?: string;

  @ApiProperty({ example: 'town-chengguan' })
  @Matches(/^[A-Za-z0-9_-]{1,64}$/, { message: 'must be a unit code' })
  responsibleUnit!: string;

  @ApiProperty({ example: '反映拖欠农民工工资问题' })
  @IsString()
  @Length(1, 4000)
  summary!: string;

  @ApiPropertyOptional({ type: [PetitionerDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => PetitionerDto)
  petitioners?: PetitionerDto[];

  @ApiProperty({ type: ContactDto })
  @ValidateNested()
  @Type(() => ContactDto)
  contact!: ContactDto;
}
