import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { AuditAnswer } from '../audit-read';
import { AuditService } from '../audit.service';
import { AuditVerification, VerifyAuditQuery } from './verify-audit.query';

@QueryHandler(VerifyAuditQuery)
export class VerifyAuditHandler implements IQueryHandler<VerifyAuditQuery, AuditAnswer<AuditVerification>> {
  constructor(private readonly audit: AuditService) {}

  async execute({ minPosition }: VerifyAuditQuery): Promise<AuditAnswer<AuditVerification>> {
    const position = await this.audit.ready(minPosition);
    const report = await this.audit.verify();
    return {
      position,
      body: {
        ok: report.ok,
        checked: report.checked,
        ...(report.firstBadIndex === undefined ? {} : { firstBadIndex: report.firstBadIndex }),
        ...(report.reason === undefined ? {} : { reason: report.reason }),
        ...(report.fault === undefined ? {} : { fault: report.fault }),
        checkpointsVerified: report.checkpointsVerified,
      },
    };
  }
}
