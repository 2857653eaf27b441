import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { LedgerWriter, WriteResult } from '../../writes/ledger-writer';
import { MatterStream } from '../matter-stream';
import { EvaluateSatisfactionCommand } from './evaluate-satisfaction.command';

@CommandHandler(EvaluateSatisfactionCommand)
export class EvaluateSatisfactionHandler implements ICommandHandler<EvaluateSatisfactionCommand, WriteResult> {
  constructor(
    private readonly writer: LedgerWriter,
    private readonly matters: MatterStream,
  ) {}

  execute({ ctx, matterId, body }: EvaluateSatisfactionCommand): Promise<WriteResult> {
    return this.writer.decideAndWrite(ctx, this.matters.write(matterId, { type: 'EvaluateSatisfaction', ...body }));
  }
}
