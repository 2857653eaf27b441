import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { RequestMethod } from '@nestjs/common';
import { Params } from 'nestjs-pino';
import pino, { Logger } from 'pino';
import { AppConfig } from '@app/runtime';

const REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/** The token the app's one pino logger is provided under (createApp installs the request logging with it). */
export const APP_LOGGER = Symbol('APP_LOGGER');

/** The process's structured logger. Headers are never logged; should one reach a log line, it is redacted. */
export function appLogger(config: AppConfig): Logger {
  return pino({ level: config.logLevel, redact: ['req.headers', 'res.headers'] });
}

/** nestjs-pino on our logger; the per-request part is `requestLogging` (it puts `req.log` in place). */
export function loggingParams(logger: Logger): Params {
  return {
    forRoutes: [{ path: '{*path}', method: RequestMethod.ALL }],
    useExisting: true,
    pinoHttp: { logger },
  };
}

/**
 * Structured request logs, one line per request when it ends. Only method, path,
 * status and timing are logged: bodies, query strings and auth headers may carry
 * personal data or secrets, so they never are (nothing of the request is serialised
 * but those three). The correlation id comes from `X-Request-Id` when it is
 * well-formed, else a new one; it is echoed back and stamped on the events the
 * request appends. Health checks are not logged.
 */
export function requestLogging(logger: Logger) {
  return (req: IncomingMessage, res: ServerResponse, next: () => void): void => {
    const given = req.headers['x-request-id'];
    const id = typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
    req.id = id;
    res.setHeader('X-Request-Id', id);
    const url = req.url ?? '';
    if (!logger.isLevelEnabled('info') || url.startsWith('/health')) {
      // Lines logged while handling still go somewhere: the process's logger, without the request's fields.
      req.log = logger;
      return next();
    }
    const log = logger.child({ req: { id, method: req.method, path: url.split('?')[0] } });
    req.log = log;
    const started = performance.now();
    const done = () => {
      res.off('finish', done);
      res.off('close', done);
      const responseTime = Math.round(performance.now() - started);
      if (res.statusCode >= 500) {
        log.error({ res: { status: res.statusCode }, responseTime }, 'request errored');
      } else log.info({ res: { status: res.statusCode }, responseTime }, 'request completed');
    };
    res.on('finish', done);
    res.on('close', done);
    next();
  };
}
