import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { instructionDecider, RecordInstruction, streams } from '@app/domain';
import { Clock, CLOCK } from '@app/runtime';
import { MatterDirectory } from '../../facts/matter-directory';
import { generatedId } from '../../writes/generated-id';
import { LedgerWriter, WriteResult } from '../../writes/ledger-writer';
import { RecordInstructionCommand } from './record-instruction.command';

@CommandHandler(RecordInstructionCommand)
export class RecordInstructionHandler implements ICommandHandler<RecordInstructionCommand, WriteResult> {
  constructor(
    private readonly writer: LedgerWriter,
    private readonly matters: MatterDirectory,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ ctx, body }: RecordInstructionCommand): Promise<WriteResult> {
    const command: RecordInstruction = { type: 'RecordInstruction', ...body };
    const context = { now: this.clock.now().toISOString() };
    // Malformed input is a 400 before anything is looked up; an unknown matter is a 422 after.
    instructionDecider.decide(command, instructionDecider.initialState, context);
    if (body.matterId !== undefined) await this.matters.require(body.matterId, 'matterId');
    return this.writer.decideAndWrite(ctx, {
      stream: streams.instruction(generatedId('IN', this.clock)),
      expect: 'new',
      noun: 'instruction',
      decider: instructionDecider,
      command,
      context,
    });
  }
}
