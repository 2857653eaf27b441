import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { screeningDecider } from '@app/domain';
import { UnitDirectory } from '../../units/unit-directory';
import { LedgerWriter, WriteResult } from '../../writes/ledger-writer';
import { checkedFirst, FactStream } from '../fact-stream';
import { RecordScreeningCommand } from './record-screening.command';

@CommandHandler(RecordScreeningCommand)
export class RecordScreeningHandler implements ICommandHandler<RecordScreeningCommand, WriteResult> {
  constructor(
    private readonly writer: LedgerWriter,
    private readonly facts: FactStream,
    private readonly units: UnitDirectory,
  ) {}

  async execute({ ctx, body }: RecordScreeningCommand): Promise<WriteResult> {
    const write = checkedFirst(this.facts.oneFact('screening', screeningDecider, { type: 'RecordScreening', ...body }));
    await this.units.require(body.unit, 'unit');
    return this.writer.decideAndWrite(ctx, write);
  }
}
