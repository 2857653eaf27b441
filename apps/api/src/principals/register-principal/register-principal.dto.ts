import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsIn, IsOptional, IsString, Length, Matches } from 'class-validator';
import { Role, ROLES } from '@app/security';

export const UNIT_CODE = /^[A-Za-z0-9_-]{1,64}$/;

export class RegisterPrincipalDto {
  @ApiProperty({ example: '登记员 王芳' })
  @IsString()
  @Length(1, 200)
  name!: string;

  @ApiProperty({ enum: ROLES, example: 'registrar' })
  @IsIn(ROLES)
  role!: Role;

  @ApiPropertyOptional({
    example: ['town-chengguan'],
    description: 'unit codes; required for a handler, refused otherwise',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @Matches(UNIT_CODE, { each: true, message: 'each must be a unit code' })
  units?: string[];

  @ApiPropertyOptional({
    example: '2027-06-30T18:00:00+08:00',
    description: 'the token is refused (401) from this instant on; absent: it does not expire',
  })
  @IsOptional()
  @IsString()
  expiresAt?: string;
}
