import { INestApplication } from '@nestjs/common';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { EVENT_STORE, EventStore } from '@app/ledger';
import { AppConfig, loadConfig } from '@app/runtime';
import { AppOptions } from '../../apps/api/src/app.module';
import { createApp } from '../../apps/api/src/create-app';

export const ADMIN_TOKEN = 'test-admin-token-0123456789';

export interface TestApp {
  app: INestApplication;
  config: AppConfig;
  dataDir: string;
  http(): ReturnType<typeof request>;
  store(): EventStore;
  /** Number of events in the ledger: used to prove that a refused request appended nothing. */
  eventCount(): Promise<number>;
  close(): Promise<void>;
}

/** The real app on a temporary SQLite file, exactly as production builds it (a test may fix the clock). */
export async function startTestApp(env: Record<string, string> = {}, options: AppOptions = {}): Promise<TestApp> {
  const dataDir = mkdtempSync(join(tmpdir(), 'petition-ledger-e2e-'));
  const config = loadConfig({
    LEDGER_DATA_DIR: dataDir,
    LEDGER_ADMIN_TOKEN: ADMIN_TOKEN,
    LEDGER_LOG_LEVEL: 'silent',
    ...env,
  });
  const app = await createApp(config, options);
  app.useLogger(false);
  await app.init();
  const store = () => app.get<EventStore>(EVENT_STORE);
  return {
    app,
    config,
    dataDir,
    http: () => request(app.getHttpServer()),
    store,
    eventCount: async () => (await store().head()).events,
    close: async () => {
      await app.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
