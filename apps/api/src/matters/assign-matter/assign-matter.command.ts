import { Command } from '@nestjs/cqrs';
import { WriteResult } from '../../writes/ledger-writer';
import { WriteContext } from '../../writes/write-context';
import { AssignmentDto } from './assign-matter.dto';

/** POST /matters/{id}/assignments: transfer or assign the matter to a unit (registrar). */
export class AssignMatterCommand extends Command<WriteResult> {
  constructor(
    readonly ctx: WriteContext,
    readonly matterId: string,
    readonly body: AssignmentDto,
  ) {
    super();
  }
}
