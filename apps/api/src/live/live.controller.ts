import { Controller, Get, Headers, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Principal } from '@app/security';
import { CurrentPrincipal } from '../auth/auth.decorators';
import { ApiProblems } from '../http/api-problems';
import { badRequest } from '../http/problem';
import { LIVE_REPLAY_LIMIT, LIVE_RETRY_MS, LiveFeed } from './live-feed';

const STREAM_DESCRIPTION = [
  'Server-sent events (text/event-stream), one message per event the read models have applied,',
  'told only when the caller may read it (a handler: the matters of its units; never `pd-access`).',
  'Each message: `id: <position>` and `data: {"position","kind","matterId"?,"type"}` (no personal data, no event data);',
  'a read with `minPosition=<position>` made after it sees the event.',
  'Named events: `ready` (live from here; `data: {"position"}`) and `reset` (`data: {"position","reason"}`:',
  `more than ${LIVE_REPLAY_LIMIT} notices were missed or the Last-Event-ID is unknown, reload the page's data).`,
  'Comments (`: heartbeat`) keep a quiet stream open; `retry:` suggests reconnecting after',
  `${LIVE_RETRY_MS} ms. The token goes in the Authorization header (use fetch() streaming; an`,
  'EventSource cannot send it, and a token never belongs in a URL). A stream ends after 15 minutes: reconnect with Last-Event-ID.',
].join(' ');

/** The live feed the pages update from: notices of applied events, fed by the post-commit EventBus. */
@ApiTags('live')
@ApiBearerAuth()
@Controller('live')
export class LiveController {
  constructor(private readonly feed: LiveFeed) {}

  @Get()
  @ApiOperation({
    summary: 'Live notices of applied events (server-sent events), resumable with Last-Event-ID',
    operationId: 'followLedger',
  })
  @ApiHeader({
    name: 'Last-Event-ID',
    required: false,
    description: 'the id of the last message received: the notices after it are sent first, none twice',
    schema: { type: 'string', pattern: '^\\d{1,30}$' },
  })
  @ApiProduces('text/event-stream')
  @ApiOkResponse({
    description: STREAM_DESCRIPTION,
    content: {
      'text/event-stream': {
        schema: { type: 'string' },
        example:
          'retry: 3000\n\nid: 42\ndata: {"position":"42","kind":"matter","matterId":"XF-2022-0001","type":"ReplyIssued"}\n\n' +
          'event: ready\nid: 42\ndata: {"position":"42"}\n\n: heartbeat\n\n',
      },
    },
  })
  @ApiProblems(400, 401, 503)
  async follow(
    @CurrentPrincipal() principal: Principal,
    @Headers('last-event-id') lastEventId: string | undefined,
    @Res() res: Response,
  ): Promise<void> {
    let from: bigint | null = null;
    if (lastEventId !== undefined && lastEventId !== '') {
      if (!/^\d{1,30}$/.test(lastEventId.trim())) {
        throw badRequest('Last-Event-ID must be a ledger position (digits)', [
          { field: 'Last-Event-ID', message: 'must be digits' },
        ]);
      }
      from = BigInt(lastEventId.trim());
    }
    await this.feed.follow(principal, res, from);
  }
}
