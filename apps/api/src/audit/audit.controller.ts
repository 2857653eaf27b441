import { Controller, Get, Query, Res, StreamableFile } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Readable } from 'node:stream';
import { Roles } from '../auth/auth.decorators';
import { ApiProblems } from '../http/api-problems';
import { ReadQueryDto } from '../read-models/read-query.dto';
import type { AuditAnswer } from './audit-read';
import {
  AuditVerificationDto,
  CheckpointDto,
  ConsistencyProofDto,
  InclusionProofDto,
  SignedCheckpointDto,
} from './audit-responses.dto';
import {
  AuditEventsQueryDto,
  CheckpointsQueryDto,
  ConsistencyProofQueryDto,
  InclusionProofQueryDto,
} from './audit.dto';
import type { CheckpointView } from './audit.service';
import { GetCheckpointQuery } from './get-checkpoint/get-checkpoint.query';
import { GetConsistencyProofQuery } from './get-consistency-proof/get-consistency-proof.query';
import { GetInclusionProofQuery } from './get-inclusion-proof/get-inclusion-proof.query';
import { ListAuditEventsQuery } from './list-audit-events/list-audit-events.query';
import { ListCheckpointsQuery } from './list-checkpoints/list-checkpoints.query';
import { VerifyAuditQuery } from './verify-audit/verify-audit.query';

/**
 * API.md "Audit". Every role reads checkpoints, proofs and verification (they
 * reveal hashes only); the raw events are for auditors and admins. Each endpoint
 * builds its query and hands it to the bus; the handler waits for `minPosition`
 * in the audit tree and answers with the position it reflects.
 *
 * Errors: a missing or malformed number, index >= size, from > to and from = 0
 * are 400 (no tree could answer them); a size the tree has not reached yet is
 * 422 `audit/size-beyond-tree` with `treeSize` (wait with `minPosition`, or ask
 * again later); no checkpoint signed yet is 404.
 */
@ApiTags('audit')
@ApiBearerAuth()
@Controller('audit')
export class AuditController {
  constructor(private readonly queries: QueryBus) {}

  @Get('checkpoint')
  @ApiOperation({
    summary: 'the latest signed checkpoint (C2SP signed note) and the public key that signed it',
    operationId: 'getAuditCheckpoint',
  })
  @ApiOkResponse({ type: SignedCheckpointDto, description: 'The latest signed checkpoint' })
  @ApiProblems(400, 401, 404, 503)
  async checkpoint(@Query() query: ReadQueryDto, @Res({ passthrough: true }) res: Response): Promise<CheckpointView> {
    return stamped(res, await this.queries.execute(new GetCheckpointQuery(minPosition(query))));
  }

  @Get('checkpoints')
  @ApiOperation({
    summary:
      'every signed checkpoint in signing order, paged by size (not in API.md v1; used by `ledger verify --url`)',
    operationId: 'listAuditCheckpoints',
  })
  @ApiOkResponse({ type: [CheckpointDto], description: 'A page of signed checkpoints' })
  @ApiProblems(400, 401, 503)
  async checkpoints(@Query() query: CheckpointsQueryDto, @Res({ passthrough: true }) res: Response) {
    return stamped(
      res,
      await this.queries.execute(new ListCheckpointsQuery(minPosition(query), query.afterSize, query.limit)),
    );
  }

  @Get('proofs/inclusion')
  @ApiOperation({
    summary: 'RFC 9162 inclusion proof of one event (leaf) in the tree of a given size',
    operationId: 'getInclusionProof',
  })
  @ApiOkResponse({ type: InclusionProofDto, description: 'The inclusion proof' })
  @ApiProblems(400, 401, 404, 422, 503)
  async inclusion(@Query() query: InclusionProofQueryDto, @Res({ passthrough: true }) res: Response) {
    return stamped(
      res,
      await this.queries.execute(new GetInclusionProofQuery(minPosition(query), query.index, query.size)),
    );
  }

  @Get('proofs/consistency')
  @ApiOperation({
    summary: 'RFC 9162 consistency proof that the tree of size `to` extends the tree of size `from`',
    operationId: 'getConsistencyProof',
  })
  @ApiOkResponse({ type: ConsistencyProofDto, description: 'The consistency proof' })
  @ApiProblems(400, 401, 404, 422, 503)
  async consistency(@Query() query: ConsistencyProofQueryDto, @Res({ passthrough: true }) res: Response) {
    return stamped(
      res,
      await this.queries.execute(new GetConsistencyProofQuery(minPosition(query), query.from, query.to)),
    );
  }

  @Get('verify')
  @ApiOperation({
    summary: 'recompute the tree from the whole log and check every stored hash and checkpoint',
    operationId: 'verifyAudit',
  })
  @ApiOkResponse({ type: AuditVerificationDto, description: 'The result of the verification' })
  @ApiProblems(400, 401, 503)
  async verify(@Query() query: ReadQueryDto, @Res({ passthrough: true }) res: Response) {
    return stamped(res, await this.queries.execute(new VerifyAuditQuery(minPosition(query))));
  }

  @Get('events')
  @Roles('auditor')
  @ApiProduces('application/x-ndjson')
  @ApiOperation({
    summary: 'the raw log as NDJSON, one event per line with its audit index and leaf hash',
    operationId: 'listAuditEvents',
  })
  @ApiOkResponse({ description: 'NDJSON, one event per line' })
  @ApiProblems(400, 401, 403, 503)
  async events(
    @Query() query: AuditEventsQueryDto,
    @Res({ passthrough: true }) res: Response,
  ): Promise<StreamableFile> {
    const lines = stamped(
      res,
      await this.queries.execute(new ListAuditEventsQuery(minPosition(query), query.fromIndex, query.limit)),
    );
    return new StreamableFile(Readable.from(lines), { type: 'application/x-ndjson; charset=utf-8' });
  }
}

const minPosition = (query: ReadQueryDto) => (query.minPosition === undefined ? undefined : BigInt(query.minPosition));

/** Stamps the position of the audit tree the answer reflects. */
function stamped<T>(res: Response, answer: AuditAnswer<T>): T {
  res.setHeader('X-Ledger-Position', answer.position.toString());
  return answer.body;
}
