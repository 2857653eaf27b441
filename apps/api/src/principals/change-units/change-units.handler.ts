import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { Clock, CLOCK } from '@app/runtime';
import { UnitDirectory } from '../../units/unit-directory';
import { LedgerWriter, WriteResult } from '../../writes/ledger-writer';
import { principalWrite } from '../principal-write';
import { ChangeUnitsCommand } from './change-units.command';

@CommandHandler(ChangeUnitsCommand)
export class ChangeUnitsHandler implements ICommandHandler<ChangeUnitsCommand, WriteResult> {
  constructor(
    private readonly writer: LedgerWriter,
    private readonly unitDirectory: UnitDirectory,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ ctx, principalId, units }: ChangeUnitsCommand): Promise<WriteResult> {
    for (const unit of new Set(units)) await this.unitDirectory.require(unit, 'units');
    return this.writer.decideAndWrite(
      ctx,
      principalWrite({ type: 'ChangePrincipalUnits', principalId, units }, this.clock),
    );
  }
}
