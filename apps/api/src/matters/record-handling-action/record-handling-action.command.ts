import { Command } from '@nestjs/cqrs';
import { WriteResult } from '../../writes/ledger-writer';
import { WriteContext } from '../../writes/write-context';
import { ActionDto } from './record-handling-action.dto';

/** POST /matters/{id}/actions: a handling action of the holding unit (handler). */
export class RecordHandlingActionCommand extends Command<WriteResult> {
  constructor(
    readonly ctx: WriteContext,
    readonly matterId: string,
    readonly body: ActionDto,
  ) {
    super();
  }
}
