import { Command } from '@nestjs/cqrs';
import { WriteResult } from '../../writes/ledger-writer';
import { WriteContext } from '../../writes/write-context';
import { RecordInstructionDto } from './record-instruction.dto';

/** POST /instructions: record a leader's instruction (批示) (registrar or leader). */
export class RecordInstructionCommand extends Command<WriteResult> {
  constructor(
    readonly ctx: WriteContext,
    readonly body: RecordInstructionDto,
  ) {
    super();
  }
}
