import { Controller, Get, Query, Res, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Readable } from 'node:stream';
import { Roles } from '../auth/auth.decorators';
import { ApiProblems } from '../http/api-problems';
import { badRequest, notFound, ProblemException } from '../http/problem';
import { ReadQueryDto } from '../read-models/read-query.dto';
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
  MAX_EVENTS_PAGE,
} from './audit.dto';
import { AuditService, CheckpointView } from './audit.service';

/**
 * API.md "Audit". Every role reads checkpoints, proofs and verification (they
 * reveal hashes only); the raw events are for auditors and admins.
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
  constructor(private readonly audit: AuditService) {}

  @Get('checkpoint')
  @ApiOperation({
    summary: 'the latest signed checkpoint (C2SP signed note) and the public key that signed it',
    operationId: 'getAuditCheckpoint',
  })
  @ApiOkResponse({ type: SignedCheckpointDto, description: 'The latest signed checkpoint' })
  @ApiProblems(400, 401, 404, 503)
  async checkpoint(@Query() query: ReadQueryDto, @Res({ passthrough: true }) res: Response): Promise<CheckpointView> {
    await this.reflect(query, res);
    return this.latest();
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
    await this.reflect(query, res);
    const after = number(query.afterSize, 'afterSize', 0);
    const limit = number(query.limit, 'limit', 1000);
    if (limit < 1 || limit > 1000)
      throw badRequest('limit must be 1 to 1000', [{ field: 'limit', message: 'must be 1 to 1000' }]);
    return this.audit.store.checkpointPage(after, limit);
  }

  @Get('proofs/inclusion')
  @ApiOperation({
    summary: 'RFC 9162 inclusion proof of one event (leaf) in the tree of a given size',
    operationId: 'getInclusionProof',
  })
  @ApiOkResponse({ type: InclusionProofDto, description: 'The inclusion proof' })
  @ApiProblems(400, 401, 404, 422, 503)
  async inclusion(@Query() query: InclusionProofQueryDto, @Res({ passthrough: true }) res: Response) {
    await this.reflect(query, res);
    const index = number(query.index, 'index');
    const size = query.size === undefined ? this.latest().size : number(query.size, 'size');
    this.assertWithinTree(size, 'size');
    if (index >= size)
      throw badRequest(`index ${index} is not below size ${size}`, [{ field: 'index', message: 'must be below size' }]);
    const tree = this.audit.store.tree;
    return { index, size, leafHash: tree.leafHash(index), hashes: tree.inclusionProof(index, size) };
  }

  @Get('proofs/consistency')
  @ApiOperation({
    summary: 'RFC 9162 consistency proof that the tree of size `to` extends the tree of size `from`',
    operationId: 'getConsistencyProof',
  })
  @ApiOkResponse({ type: ConsistencyProofDto, description: 'The consistency proof' })
  @ApiProblems(400, 401, 404, 422, 503)
  async consistency(@Query() query: ConsistencyProofQueryDto, @Res({ passthrough: true }) res: Response) {
    await this.reflect(query, res);
    const from = number(query.from, 'from');
    const to = query.to === undefined ? this.latest().size : number(query.to, 'to');
    this.assertWithinTree(to, 'to');
    if (from > to)
      throw badRequest(`from ${from} is larger than to ${to}`, [{ field: 'from', message: 'must not exceed to' }]);
    if (from === 0 && to > 0) {
      throw badRequest('every tree extends the empty one; there is no proof from size 0', [
        { field: 'from', message: 'must be at least 1' },
      ]);
    }
    return { from, to, hashes: this.audit.store.tree.consistencyProof(from, to) };
  }

  @Get('verify')
  @ApiOperation({
    summary: 'recompute the tree from the whole log and check every stored hash and checkpoint',
    operationId: 'verifyAudit',
  })
  @ApiOkResponse({ type: AuditVerificationDto, description: 'The result of the verification' })
  @ApiProblems(400, 401, 503)
  async verify(@Query() query: ReadQueryDto, @Res({ passthrough: true }) res: Response) {
    await this.reflect(query, res);
    const report = await this.audit.verify();
    return {
      ok: report.ok,
      checked: report.checked,
      ...(report.firstBadIndex === undefined ? {} : { firstBadIndex: report.firstBadIndex }),
      ...(report.reason === undefined ? {} : { reason: report.reason }),
      ...(report.fault === undefined ? {} : { fault: report.fault }),
      checkpointsVerified: report.checkpointsVerified,
    };
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
    await this.reflect(query, res);
    const fromIndex = number(query.fromIndex, 'fromIndex', 0);
    const limit = number(query.limit, 'limit', 1000);
    if (limit < 1 || limit > MAX_EVENTS_PAGE) {
      throw badRequest(`limit must be 1 to ${MAX_EVENTS_PAGE}`, [
        { field: 'limit', message: `must be 1 to ${MAX_EVENTS_PAGE}` },
      ]);
    }
    return new StreamableFile(Readable.from(this.audit.eventLines(fromIndex, limit)), {
      type: 'application/x-ndjson; charset=utf-8',
    });
  }

  /** Waits for `minPosition` in the audit tree and stamps the position the answer reflects. */
  private async reflect(query: ReadQueryDto, res: Response): Promise<void> {
    const position = await this.audit.ready(query.minPosition === undefined ? undefined : BigInt(query.minPosition));
    res.setHeader('X-Ledger-Position', position.toString());
  }

  private latest(): CheckpointView {
    const latest = this.audit.latestCheckpoint();
    if (!latest)
      throw notFound('no checkpoint has been signed yet (the ledger is empty, or the first one is moments away)');
    return latest;
  }

  private assertWithinTree(size: number, field: string): void {
    const treeSize = this.audit.store.size;
    if (size > treeSize) {
      throw new ProblemException(
        422,
        'audit/size-beyond-tree',
        'The audit tree is not that large',
        `${field} ${size} is beyond the audit tree, which holds ${treeSize} events; retry later or pass minPosition`,
        [{ field, message: `must not exceed ${treeSize}` }],
        { treeSize },
      );
    }
  }
}

/** A validated digit string as a safe integer (or the default when absent). */
function number(value: string | undefined, field: string, fallback?: number): number {
  if (value === undefined) {
    if (fallback === undefined) throw badRequest(`${field} is required`, [{ field, message: 'is required' }]);
    return fallback;
  }
  const parsed = Number(value);
  if (!Number.isSafeInteger(parsed))
    throw badRequest(`${field} is too large`, [{ field, message: 'must be below 2^53' }]);
  return parsed;
}
