import { Command } from '@nestjs/cqrs';
import { WriteResult } from '../../writes/ledger-writer';
import { WriteContext } from '../../writes/write-context';
import { AcceptanceDto } from './decide-acceptance.dto';

/** POST /matters/{id}/acceptance: the holding unit accepts the matter or not (handler). */
export class DecideAcceptanceCommand extends Command<WriteResult> {
  constructor(
    readonly ctx: WriteContext,
    readonly matterId: string,
    readonly body: AcceptanceDto,
  ) {
    super();
  }
}
