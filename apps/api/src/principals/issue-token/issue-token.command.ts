import { Command } from '@nestjs/cqrs';
import { WriteResult } from '../../writes/ledger-writer';
import { WriteContext } from '../../writes/write-context';

/** POST /principals/{id}/tokens: a new token; the previous one is refused from this answer on (admin). */
export class IssueTokenCommand extends Command<WriteResult & { token?: string }> {
  constructor(
    readonly ctx: WriteContext,
    readonly principalId: string,
    readonly expiresAt: string | undefined,
  ) {
    super();
  }
}
