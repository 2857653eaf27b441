import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { accountabilityDecider } from '@app/domain';
import { UnitDirectory } from '../../units/unit-directory';
import { LedgerWriter, WriteResult } from '../../writes/ledger-writer';
import { checkedFirst, FactStream } from '../fact-stream';
import { MatterDirectory } from '../matter-directory';
import { RecordAccountabilityCommand } from './record-accountability.command';

@CommandHandler(RecordAccountabilityCommand)
export class RecordAccountabilityHandler implements ICommandHandler<RecordAccountabilityCommand, WriteResult> {
  constructor(
    private readonly writer: LedgerWriter,
    private readonly facts: FactStream,
    private readonly units: UnitDirectory,
    private readonly matters: MatterDirectory,
  ) {}

  async execute({ ctx, body }: RecordAccountabilityCommand): Promise<WriteResult> {
    const write = checkedFirst(
      this.facts.oneFact('accountability', accountabilityDecider, { type: 'RecordAccountabilityAction', ...body }),
    );
    await this.units.require(body.unit, 'unit');
    for (const [i, matterId] of (body.grounds.matters ?? []).entries()) {
      await this.matters.require(matterId, `grounds.matters[${i}]`);
    }
    return this.writer.decideAndWrite(ctx, write);
  }
}
