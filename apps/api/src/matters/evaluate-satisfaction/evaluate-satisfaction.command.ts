import { Command } from '@nestjs/cqrs';
import { WriteResult } from '../../writes/ledger-writer';
import { WriteContext } from '../../writes/write-context';
import { EvaluationDto } from './evaluate-satisfaction.dto';

/** POST /matters/{id}/evaluations: the petitioner's satisfaction with a reply or decision (registrar). */
export class EvaluateSatisfactionCommand extends Command<WriteResult> {
  constructor(
    readonly ctx: WriteContext,
    readonly matterId: string,
    readonly body: EvaluationDto,
  ) {
    super();
  }
}
