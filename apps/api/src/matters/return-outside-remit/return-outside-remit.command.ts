import { Command } from '@nestjs/cqrs';
import { WriteResult } from '../../writes/ledger-writer';
import { WriteContext } from '../../writes/write-context';
import { RemitReturnDto } from './return-outside-remit.dto';

/** POST /matters/{id}/remit-returns (异议): the unit returns the matter as outside its remit, within 5 working days of the transfer (handler). */
export class ReturnOutsideRemitCommand extends Command<WriteResult> {
  constructor(
    readonly ctx: WriteContext,
    readonly matterId: string,
    readonly body: RemitReturnDto,
  ) {
    super();
  }
}
