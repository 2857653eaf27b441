import { Command } from '@nestjs/cqrs';
import { WriteResult } from '../../writes/ledger-writer';
import { WriteContext } from '../../writes/write-context';
import { ConfigureChannelDto } from './configure-channel.dto';

/** POST /reminder-channels: configure (or replace) a unit's reminder webhook (admin). */
export class ConfigureChannelCommand extends Command<WriteResult> {
  constructor(
    readonly ctx: WriteContext,
    readonly body: ConfigureChannelDto,
  ) {
    super();
  }
}
