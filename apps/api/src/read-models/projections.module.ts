import { Global, Module } from '@nestjs/common';
import { ProjectionThread } from './projection-thread';

/** The projection worker, shared by the read models and the audit tree (both run on it). */
@Global()
@Module({
  providers: [ProjectionThread],
  exports: [ProjectionThread],
})
export class ProjectionsModule {}
