import { Command } from '@nestjs/cqrs';
import { WriteResult } from '../../writes/ledger-writer';
import { WriteContext } from '../../writes/write-context';
import { MeetingDto } from './hold-meeting.dto';

/** POST /meetings: a meeting (周研判会, ...) with its decisions on matters (registrar, leader). */
export class HoldMeetingCommand extends Command<WriteResult> {
  constructor(
    readonly ctx: WriteContext,
    readonly body: MeetingDto,
  ) {
    super();
  }
}
