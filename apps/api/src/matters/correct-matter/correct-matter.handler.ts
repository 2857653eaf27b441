import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { UnitDirectory } from '../../units/unit-directory';
import { LedgerWriter, WriteResult } from '../../writes/ledger-writer';
import { MatterStream } from '../matter-stream';
import { CorrectMatterCommand } from './correct-matter.command';

@CommandHandler(CorrectMatterCommand)
export class CorrectMatterHandler implements ICommandHandler<CorrectMatterCommand, WriteResult> {
  constructor(
    private readonly writer: LedgerWriter,
    private readonly matters: MatterStream,
    private readonly units: UnitDirectory,
  ) {}

  async execute({ ctx, matterId, body }: CorrectMatterCommand): Promise<WriteResult> {
    if (body.field === 'responsibleUnit' && body.value) await this.units.require(body.value, 'value');
    return this.writer.decideAndWrite(ctx, this.matters.write(matterId, { type: 'CorrectMatter', ...body }));
  }
}
