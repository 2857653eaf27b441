import { Command } from '@nestjs/cqrs';
import { WriteResult } from '../../writes/ledger-writer';
import { WriteContext } from '../../writes/write-context';
import { ExtensionDto } from './extend-deadline.dto';

/** POST /matters/{id}/extensions: the reply period extended once, by at most 30 days (handler). */
export class ExtendDeadlineCommand extends Command<WriteResult> {
  constructor(
    readonly ctx: WriteContext,
    readonly matterId: string,
    readonly body: ExtensionDto,
  ) {
    super();
  }
}
