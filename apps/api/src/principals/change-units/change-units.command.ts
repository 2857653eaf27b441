import { Command } from '@nestjs/cqrs';
import { WriteResult } from '../../writes/ledger-writer';
import { WriteContext } from '../../writes/write-context';

/** POST /principals/{id}/units: a handler moved to other units, effective on its next request (admin). */
export class ChangeUnitsCommand extends Command<WriteResult> {
  constructor(
    readonly ctx: WriteContext,
    readonly principalId: string,
    readonly units: string[],
  ) {
    super();
  }
}
