import { INestApplication, RequestMethod } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { SwaggerModule } from '@nestjs/swagger';
import { Logger } from 'nestjs-pino';
import { AppConfig } from '@app/runtime';
import { AppModule, AppOptions } from './app.module';
import { API_DOCS_PATH, openApiDocument } from './http/openapi';
import { APP_LOGGER, requestLogging } from './http/logging';
import { securityHeaders, serveWebUi } from './http/web-ui';

export const API_PREFIX = 'api/v1';

/** Builds the HTTP app (not yet listening): used by `ledger serve` and by every e2e test. */
export async function createApp(config: AppConfig, options: AppOptions = {}): Promise<INestApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config, options), {
    bufferLogs: true,
    bodyParser: false,
  });
  app.useLogger(app.get(Logger));
  // First of all: the correlation id and the request's log line.
  app.use(requestLogging(app.get(APP_LOGGER)));
  // Events of 1 MB are allowed by the ledger; a request is kept a little under that.
  app.useBodyParser('json', { limit: '1mb', type: ['application/json', 'application/*+json'] });
  app.disable('x-powered-by');
  // Before everything else, so that the UI, the API's answers and its problems all carry them.
  app.use(securityHeaders());
  app.set('etag', false);
  app.setGlobalPrefix(API_PREFIX, {
    exclude: [
      { path: 'health', method: RequestMethod.GET },
      { path: 'health/ready', method: RequestMethod.GET },
    ],
  });
  app.enableShutdownHooks();
  serveWebUi(app);
  SwaggerModule.setup(API_DOCS_PATH, app, openApiDocument(app), { jsonDocumentUrl: `${API_DOCS_PATH}-json` });
  return app;
}
