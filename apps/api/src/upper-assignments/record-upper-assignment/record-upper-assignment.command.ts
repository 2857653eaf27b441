import { Command } from '@nestjs/cqrs';
import { WriteResult } from '../../writes/ledger-writer';
import { WriteContext } from '../../writes/write-context';
import { RecordUpperAssignmentDto } from './record-upper-assignment.dto';

/** POST /matters/{id}/upper-assignments: record that the matter came from above (registrar or leader). */
export class RecordUpperAssignmentCommand extends Command<WriteResult> {
  constructor(
    readonly ctx: WriteContext,
    readonly matterId: string,
    readonly body: RecordUpperAssignmentDto,
  ) {
    super();
  }
}
