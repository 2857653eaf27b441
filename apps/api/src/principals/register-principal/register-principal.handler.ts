import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { randomUUID } from 'node:crypto';
import { Clock, CLOCK } from '@app/runtime';
import { hashToken, newToken } from '@app/security';
import { UnitDirectory } from '../../units/unit-directory';
import { LedgerWriter, WriteResult } from '../../writes/ledger-writer';
import { principalWrite } from '../principal-write';
import { RegisterPrincipalCommand } from './register-principal.command';

@CommandHandler(RegisterPrincipalCommand)
export class RegisterPrincipalHandler implements ICommandHandler<RegisterPrincipalCommand> {
  constructor(
    private readonly writer: LedgerWriter,
    private readonly units: UnitDirectory,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** The token is shown once, here; the ledger keeps only its hash. */
  async execute({ ctx, body }: RegisterPrincipalCommand): Promise<WriteResult & { token?: string }> {
    // Units are checked against their own streams; the role/units rule is the decider's.
    for (const unit of new Set(body.units ?? [])) await this.units.require(unit, 'units');
    const id = randomUUID();
    const token = newToken();
    const result = await this.writer.decideAndWrite(
      ctx,
      principalWrite(
        {
          type: 'RegisterPrincipal',
          principalId: id,
          name: body.name,
          role: body.role,
          units: body.units,
          tokenHash: hashToken(token),
          expiresAt: body.expiresAt,
        },
        this.clock,
      ),
    );
    // A replayed idempotent request cannot show the token again: only its hash was kept.
    return result.id === id ? { ...result, token } : result;
  }
}
