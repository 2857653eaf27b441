import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiOperation,
  ApiProperty,
  ApiPropertyOptional,
  ApiTags,
} from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsIn, IsOptional, IsString, Length, Matches } from 'class-validator';
import { randomUUID } from 'node:crypto';
import { domainEvent } from '@app/domain';
import { hashToken, newToken, Role, ROLES } from '@app/security';
import { Roles } from '../auth/auth.decorators';
import { ApiProblems } from '../http/api-problems';
import { badRequest } from '../http/problem';
import { UnitDirectory } from '../units/unit-directory';
import { PrincipalCreatedDto } from './principal-created.dto';
import { LedgerWriter, WriteResult } from '../writes/ledger-writer';
import { Write, WriteContext } from '../writes/write-context';

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
  @Matches(/^[A-Za-z0-9_-]{1,64}$/, { each: true, message: 'each must be a unit code' })
  units?: string[];
}

@ApiTags('principals')
@ApiBearerAuth()
@Controller('principals')
export class PrincipalsController {
  constructor(
    private readonly writer: LedgerWriter,
    private readonly unitDirectory: UnitDirectory,
  ) {}

  /** The token is shown once, here; the ledger keeps only its hash. */
  @Post()
  @HttpCode(201)
  @Roles('admin')
  @ApiOperation({ summary: 'Register a principal and issue its token (admin)', operationId: 'registerPrincipal' })
  @ApiCreatedResponse({ type: PrincipalCreatedDto, description: 'Written; the token is shown this once' })
  @ApiProblems(400, 401, 403, 409, 422)
  async register(
    @Body() body: RegisterPrincipalDto,
    @Write() ctx: WriteContext,
  ): Promise<WriteResult & { token?: string }> {
    const units = [...new Set(body.units ?? [])];
    if (body.role === 'handler' && units.length === 0) {
      throw badRequest('a handler needs at least one unit', [
        { field: 'units', message: 'a handler needs at least one unit' },
      ]);
    }
    if (body.role !== 'handler' && units.length > 0) {
      throw badRequest('only a handler is scoped to units', [
        { field: 'units', message: 'only a handler is scoped to units' },
      ]);
    }
    for (const unit of units) await this.unitDirectory.require(unit, 'units');
    const id = randomUUID();
    const token = newToken();
    const result = await this.writer.write(ctx, {
      id,
      stream: `principal-${id}`,
      expect: 'new',
      noun: 'principal',
      decide: () => [
        domainEvent('PrincipalRegistered', new Date().toISOString(), {
          principalId: id,
          name: body.name,
          role: body.role,
          units,
          tokenHash: hashToken(token),
        }),
      ],
    });
    // A replayed idempotent request cannot show the token again: only its hash was kept.
    return result.id === id ? { ...result, token } : result;
  }
}
