import { Command } from '@nestjs/cqrs';
import { WriteResult } from '../../writes/ledger-writer';
import { WriteContext } from '../../writes/write-context';
import { AccountabilityDto } from './record-accountability.dto';

/** POST /accountability: a summons or a public criticism (约谈 / 通报批评; leader). */
export class RecordAccountabilityCommand extends Command<WriteResult> {
  constructor(
    readonly ctx: WriteContext,
    readonly body: AccountabilityDto,
  ) {
    super();
  }
}
