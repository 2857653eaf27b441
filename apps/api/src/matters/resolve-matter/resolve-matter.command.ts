import { Command } from '@nestjs/cqrs';
import { WriteResult } from '../../writes/ledger-writer';
import { WriteContext } from '../../writes/write-context';
import { ResolutionDto } from './resolve-matter.dto';

/** POST /matters/{id}/resolution: the holding unit records the matter resolved (handler). */
export class ResolveMatterCommand extends Command<WriteResult> {
  constructor(
    readonly ctx: WriteContext,
    readonly matterId: string,
    readonly body: ResolutionDto,
  ) {
    super();
  }
}
