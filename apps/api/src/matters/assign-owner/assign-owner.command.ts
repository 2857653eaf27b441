import { Command } from '@nestjs/cqrs';
import { WriteResult } from '../../writes/ledger-writer';
import { WriteContext } from '../../writes/write-context';
import { OwnerDto } from './assign-owner.dto';

/** POST /matters/{id}/owners: a leader takes charge of the matter (包案, leader). */
export class AssignOwnerCommand extends Command<WriteResult> {
  constructor(
    readonly ctx: WriteContext,
    readonly matterId: string,
    readonly body: OwnerDto,
  ) {
    super();
  }
}
