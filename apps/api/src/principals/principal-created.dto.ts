import { ApiPropertyOptional } from '@nestjs/swagger';
import { WriteResultDto } from '../http/openapi';

/** The 201 of `POST /principals`: a write result and the token, shown this once. */
export class PrincipalCreatedDto extends WriteResultDto {
  @ApiPropertyOptional({
    example: 'pl_3q2…',
    description: 'the bearer token, shown only here; absent when an idempotent request is replayed',
  })
  token?: string;
}
