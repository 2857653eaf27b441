import { Global, Inject, Module, OnApplicationShutdown } from '@nestjs/common';
import { join } from 'node:path';
import { EVENT_STORE, EventStore, SqliteEventStore } from '@app/ledger';
import { APP_CONFIG, AppConfig } from '../config/app-config';

export function ledgerFile(config: AppConfig): string {
  return join(config.dataDir, 'ledger.sqlite');
}

/** Opens the configured event store once for the whole app and closes it on shutdown. */
@Global()
@Module({
  providers: [
    {
      provide: EVENT_STORE,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig): EventStore => SqliteEventStore.open({ file: ledgerFile(config) }),
    },
  ],
  exports: [EVENT_STORE],
})
export class LedgerModule implements OnApplicationShutdown {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async onApplicationShutdown(): Promise<void> {
    await this.store.close();
  }
}
