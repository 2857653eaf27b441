import { Command } from '@nestjs/cqrs';
import { WriteResult } from '../../writes/ledger-writer';
import { WriteContext } from '../../writes/write-context';
import { RegisterPrincipalDto } from './register-principal.dto';

/** POST /principals: someone who may call the API, with a new token (admin). */
export class RegisterPrincipalCommand extends Command<WriteResult & { token?: string }> {
  constructor(
    readonly ctx: WriteContext,
    readonly body: RegisterPrincipalDto,
  ) {
    super();
  }
}
