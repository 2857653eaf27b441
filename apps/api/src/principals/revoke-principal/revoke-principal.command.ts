import { Command } from '@nestjs/cqrs';
import { WriteResult } from '../../writes/ledger-writer';
import { WriteContext } from '../../writes/write-context';

/** POST /principals/{id}/revocation: the principal's token is refused from this answer on (admin). */
export class RevokePrincipalCommand extends Command<WriteResult> {
  constructor(
    readonly ctx: WriteContext,
    readonly principalId: string,
    readonly reason: string,
  ) {
    super();
  }
}
