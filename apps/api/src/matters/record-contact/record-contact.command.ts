import { Command } from '@nestjs/cqrs';
import { WriteResult } from '../../writes/ledger-writer';
import { WriteContext } from '../../writes/write-context';
import { RecordContactDto } from './record-contact.dto';

/** POST /matters/{id}/contacts: a further contact about the matter (registrar). */
export class RecordContactCommand extends Command<WriteResult> {
  constructor(
    readonly ctx: WriteContext,
    readonly matterId: string,
    readonly body: RecordContactDto,
  ) {
    super();
  }
}
