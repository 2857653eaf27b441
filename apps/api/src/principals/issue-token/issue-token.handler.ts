import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { streams } from '@app/domain';
import { EVENT_STORE, EventStore } from '@app/ledger';
import { Clock, CLOCK } from '@app/runtime';
import { hashToken, newToken } from '@app/security';
import { LedgerWriter, WriteResult } from '../../writes/ledger-writer';
import { principalWrite } from '../principal-write';
import { IssueTokenCommand } from './issue-token.command';

@CommandHandler(IssueTokenCommand)
export class IssueTokenHandler implements ICommandHandler<IssueTokenCommand> {
  constructor(
    private readonly writer: LedgerWriter,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ ctx, principalId, expiresAt }: IssueTokenCommand): Promise<WriteResult & { token?: string }> {
    const token = newToken();
    const tokenHash = hashToken(token);
    const result = await this.writer.decideAndWrite(
      ctx,
      principalWrite({ type: 'ReplacePrincipalToken', principalId, tokenHash, expiresAt }, this.clock),
    );
    // A replayed Idempotency-Key answers the first write, whose token exists only as its hash:
    // show this token only if the event at the answered revision is the one just written.
    const written = (await this.store.readStream(streams.principal(principalId).name))[result.revision];
    const mine = (written?.data as { tokenHash?: string } | undefined)?.tokenHash === tokenHash;
    return mine ? { ...result, token } : result;
  }
}
