import { Module } from '@nestjs/common';
import { AuditController } from './audit.controller';
import { AuditService } from './audit.service';
import { AUDIT_HANDLERS } from './index';

/** The audit tree, signed checkpoints, proofs and verification (API.md "Audit"), read through the query bus. */
@Module({
  controllers: [AuditController],
  providers: [AuditService, ...AUDIT_HANDLERS],
  exports: [AuditService],
})
export class AuditModule {}
