import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { instructionDecider, RecordInstruction, streams } from '@app/domain';
import { checkedFirst, FactStream } from '../../facts/fact-stream';
import { MatterDirectory } from '../../facts/matter-directory';
import { LedgerWriter, WriteResult } from '../../writes/ledger-writer';
import { RecordInstructionCommand } from './record-instruction.command';

/** 批示 on `instruction-<id>` (e.g. IN20220302-k3J9vQ2m), like the other one-fact streams. */
@CommandHandler(RecordInstructionCommand)
export class RecordInstructionHandler implements ICommandHandler<RecordInstructionCommand, WriteResult> {
  constructor(
    private readonly writer: LedgerWriter,
    private readonly matters: MatterDirectory,
    private readonly facts: FactStream,
  ) {}

  async execute({ ctx, body }: RecordInstructionCommand): Promise<WriteResult> {
    const command: RecordInstruction = { type: 'RecordInstruction', ...body };
    // Malformed input is a 400 before anything is looked up; an unknown matter is a 422 after.
    const write = checkedFirst({
      stream: streams.instruction(this.facts.newId('IN')),
      expect: 'new' as const,
      noun: 'instruction',
      decider: instructionDecider,
      command,
      context: this.facts.context(),
    });
    if (body.matterId !== undefined) await this.matters.require(body.matterId, 'matterId');
    return this.writer.decideAndWrite(ctx, write);
  }
}
