import { Command } from '@nestjs/cqrs';
import { WriteResult } from '../../writes/ledger-writer';
import { WriteContext } from '../../writes/write-context';
import { OpenMatterDto } from './open-matter.dto';

/** POST /matters: register a matter with its first contact and its petitioners (registrar). */
export class OpenMatterCommand extends Command<WriteResult> {
  constructor(
    readonly ctx: WriteContext,
    readonly body: OpenMatterDto,
  ) {
    super();
  }
}
