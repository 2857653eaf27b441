import { Command } from '@nestjs/cqrs';
import { WriteResult } from '../../writes/ledger-writer';
import { WriteContext } from '../../writes/write-context';

/** POST /petitioners/{id}/erasure: crypto-shred a petitioner's personal data (admin). */
export class ErasePetitionerCommand extends Command<WriteResult> {
  constructor(
    readonly ctx: WriteContext,
    readonly petitionerId: string,
    readonly reason: string,
  ) {
    super();
  }
}
