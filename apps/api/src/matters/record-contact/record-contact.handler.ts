import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { LedgerWriter, WriteResult } from '../../writes/ledger-writer';
import { MatterStream } from '../matter-stream';
import { RecordContactCommand } from './record-contact.command';

@CommandHandler(RecordContactCommand)
export class RecordContactHandler implements ICommandHandler<RecordContactCommand, WriteResult> {
  constructor(
    private readonly writer: LedgerWriter,
    private readonly matters: MatterStream,
  ) {}

  execute({ ctx, matterId, body }: RecordContactCommand): Promise<WriteResult> {
    return this.writer.decideAndWrite(
      ctx,
      this.matters.write(matterId, { type: 'RecordContact', contact: body.contact }),
    );
  }
}
