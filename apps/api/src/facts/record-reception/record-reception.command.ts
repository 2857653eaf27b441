import { Command } from '@nestjs/cqrs';
import { WriteResult } from '../../writes/ledger-writer';
import { WriteContext } from '../../writes/write-context';
import { ReceptionDto } from './record-reception.dto';

/** POST /receptions: a leader received petitioners (领导接访; registrar, leader). */
export class RecordReceptionCommand extends Command<WriteResult> {
  constructor(
    readonly ctx: WriteContext,
    readonly body: ReceptionDto,
  ) {
    super();
  }
}
