import { Command } from '@nestjs/cqrs';
import { WriteResult } from '../../writes/ledger-writer';
import { WriteContext } from '../../writes/write-context';
import { RegisterUnitDto } from './register-unit.dto';

/** POST /units: register a unit (admin). */
export class RegisterUnitCommand extends Command<WriteResult> {
  constructor(
    readonly ctx: WriteContext,
    readonly body: RegisterUnitDto,
  ) {
    super();
  }
}
