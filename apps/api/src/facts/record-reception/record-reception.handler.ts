import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { receptionDecider } from '@app/domain';
import { LedgerWriter, WriteResult } from '../../writes/ledger-writer';
import { FactStream } from '../fact-stream';
import { RecordReceptionCommand } from './record-reception.command';

@CommandHandler(RecordReceptionCommand)
export class RecordReceptionHandler implements ICommandHandler<RecordReceptionCommand, WriteResult> {
  constructor(
    private readonly writer: LedgerWriter,
    private readonly facts: FactStream,
  ) {}

  execute({ ctx, body }: RecordReceptionCommand): Promise<WriteResult> {
    return this.writer.decideAndWrite(
      ctx,
      this.facts.oneFact('reception', receptionDecider, { type: 'RecordReception', ...body }),
    );
  }
}
