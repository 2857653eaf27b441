import { Command } from '@nestjs/cqrs';
import { WriteResult } from '../../writes/ledger-writer';
import { WriteContext } from '../../writes/write-context';
import { RiskAssessmentDto } from './record-risk-assessment.dto';

/** POST /risk-assessments: a project's social stability risk assessment (registrar, leader). */
export class RecordRiskAssessmentCommand extends Command<WriteResult> {
  constructor(
    readonly ctx: WriteContext,
    readonly body: RiskAssessmentDto,
  ) {
    super();
  }
}
