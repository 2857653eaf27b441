import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { meetingDecider, streams } from '@app/domain';
import { UnitDirectory } from '../../units/unit-directory';
import { LedgerWriter, WriteResult } from '../../writes/ledger-writer';
import { checkedFirst, FactStream } from '../fact-stream';
import { MatterDirectory } from '../matter-directory';
import { HoldMeetingCommand } from './hold-meeting.command';

@CommandHandler(HoldMeetingCommand)
export class HoldMeetingHandler implements ICommandHandler<HoldMeetingCommand, WriteResult> {
  constructor(
    private readonly writer: LedgerWriter,
    private readonly facts: FactStream,
    private readonly units: UnitDirectory,
    private readonly matters: MatterDirectory,
  ) {}

  /** On `meeting-<id>`, the id given or generated; each decision's matter and unit must exist. */
  async execute({ ctx, body }: HoldMeetingCommand): Promise<WriteResult> {
    const { id, ...rest } = body;
    const meetingId = id ?? this.facts.newId('MT');
    const write = checkedFirst({
      stream: streams.meeting(meetingId),
      expect: 'new',
      noun: 'meeting',
      decider: meetingDecider,
      command: { type: 'HoldMeeting', meetingId, ...rest },
      context: this.facts.context(),
    });
    for (const [i, d] of body.decisions.entries()) {
      await this.matters.require(d.matterId, `decisions[${i}].matterId`);
      await this.units.require(d.unit, `decisions[${i}].unit`);
    }
    return this.writer.decideAndWrite(ctx, write);
  }
}
