import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { Clock, CLOCK } from '@app/runtime';
import { LedgerWriter, WriteResult } from '../../writes/ledger-writer';
import { principalWrite } from '../principal-write';
import { RevokePrincipalCommand } from './revoke-principal.command';

/**
 * Appends PrincipalRevoked. No cache to clear: the auth guard decides every request from
 * the principal's stream in the log, so the next request (on any instance sharing the
 * log) already sees the revocation.
 */
@CommandHandler(RevokePrincipalCommand)
export class RevokePrincipalHandler implements ICommandHandler<RevokePrincipalCommand, WriteResult> {
  constructor(
    private readonly writer: LedgerWriter,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  execute({ ctx, principalId, reason }: RevokePrincipalCommand): Promise<WriteResult> {
    return this.writer.decideAndWrite(
      ctx,
      principalWrite({ type: 'RevokePrincipal', principalId, reason }, this.clock),
    );
  }
}
