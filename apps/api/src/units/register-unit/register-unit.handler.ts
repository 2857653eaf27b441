import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { streams, unitRegistrationDecider } from '@app/domain';
import { Clock, CLOCK } from '@app/runtime';
import { LedgerWriter, WriteResult } from '../../writes/ledger-writer';
import { UnitDirectory } from '../unit-directory';
import { RegisterUnitCommand } from './register-unit.command';

@CommandHandler(RegisterUnitCommand)
export class RegisterUnitHandler implements ICommandHandler<RegisterUnitCommand, WriteResult> {
  constructor(
    private readonly writer: LedgerWriter,
    private readonly units: UnitDirectory,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ ctx, body }: RegisterUnitCommand): Promise<WriteResult> {
    // The parent is checked against its own stream, not a read model that may lag.
    if (body.parent) await this.units.require(body.parent, 'parent');
    return this.writer.decideAndWrite(ctx, {
      stream: streams.unit(body.code),
      expect: 'new',
      noun: 'unit',
      decider: unitRegistrationDecider,
      command: { type: 'RegisterUnit', code: body.code, name: body.name, kind: body.kind, parent: body.parent },
      context: { now: this.clock.now().toISOString() },
    });
  }
}
