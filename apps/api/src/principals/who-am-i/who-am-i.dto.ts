import { ApiProperty } from '@nestjs/swagger';
import { ROLES } from '@app/security';

/** The answer of GET /principals/me. */
export class WhoAmIDto {
  @ApiProperty({ example: 'registrar-1' }) id!: string;
  @ApiProperty({ example: '市信访局登记员 王芳' }) name!: string;
  @ApiProperty({ enum: ROLES, example: 'registrar' }) role!: string;
  @ApiProperty({ type: [String], example: [], description: "a handler's unit codes; empty for other roles" })
  units!: string[];
}
