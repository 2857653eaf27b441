import { Command } from '@nestjs/cqrs';
import { WriteResult } from '../../writes/ledger-writer';
import { WriteContext } from '../../writes/write-context';
import { CorrectionDto } from './correct-matter.dto';

/** POST /matters/{id}/corrections: a registration error corrected, with its reason (registrar). */
export class CorrectMatterCommand extends Command<WriteResult> {
  constructor(
    readonly ctx: WriteContext,
    readonly matterId: string,
    readonly body: CorrectionDto,
  ) {
    super();
  }
}
