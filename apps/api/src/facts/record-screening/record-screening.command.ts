import { Command } from '@nestjs/cqrs';
import { WriteResult } from '../../writes/ledger-writer';
import { WriteContext } from '../../writes/write-context';
import { ScreeningDto } from './record-screening.dto';

/** POST /screenings: what a unit's dispute screening found (矛盾纠纷排查; registrar, leader). */
export class RecordScreeningCommand extends Command<WriteResult> {
  constructor(
    readonly ctx: WriteContext,
    readonly body: ScreeningDto,
  ) {
    super();
  }
}
