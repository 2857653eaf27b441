import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { riskAssessmentDecider } from '@app/domain';
import { LedgerWriter, WriteResult } from '../../writes/ledger-writer';
import { FactStream } from '../fact-stream';
import { RecordRiskAssessmentCommand } from './record-risk-assessment.command';

@CommandHandler(RecordRiskAssessmentCommand)
export class RecordRiskAssessmentHandler implements ICommandHandler<RecordRiskAssessmentCommand, WriteResult> {
  constructor(
    private readonly writer: LedgerWriter,
    private readonly facts: FactStream,
  ) {}

  execute({ ctx, body }: RecordRiskAssessmentCommand): Promise<WriteResult> {
    return this.writer.decideAndWrite(
      ctx,
      this.facts.oneFact('risk_assessment', riskAssessmentDecider, { type: 'RecordRiskAssessment', ...body }),
    );
  }
}
