import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { UnitDirectory } from '../../units/unit-directory';
import { LedgerWriter, WriteResult } from '../../writes/ledger-writer';
import { MatterStream } from '../matter-stream';
import { AssignMatterCommand } from './assign-matter.command';

@CommandHandler(AssignMatterCommand)
export class AssignMatterHandler implements ICommandHandler<AssignMatterCommand, WriteResult> {
  constructor(
    private readonly writer: LedgerWriter,
    private readonly matters: MatterStream,
    private readonly units: UnitDirectory,
  ) {}

  async execute({ ctx, matterId, body }: AssignMatterCommand): Promise<WriteResult> {
    // The unit is checked against its own stream, not a read model that may lag.
    await this.units.require(body.unit, 'unit');
    return this.writer.decideAndWrite(ctx, this.matters.write(matterId, { type: 'AssignMatter', ...body }));
  }
}
