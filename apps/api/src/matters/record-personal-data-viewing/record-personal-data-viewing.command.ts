import { Command } from '@nestjs/cqrs';
import { WriteResult } from '../../writes/ledger-writer';
import { WriteContext } from '../../writes/write-context';

/** Principle 4: a principal was shown petitioners' personal data in full (by `GET /matters/{id}`). */
export class RecordPersonalDataViewingCommand extends Command<WriteResult> {
  constructor(
    readonly ctx: WriteContext,
    readonly matterId: string,
    readonly petitionerIds: readonly string[],
  ) {
    super();
  }
}
