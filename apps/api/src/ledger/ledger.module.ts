import { dataFiles, APP_CONFIG, AppConfig } from '@app/runtime';
import { Global, Inject, Module, OnApplicationShutdown } from '@nestjs/common';
import { EVENT_STORE, EventStore, SqliteEventStore } from '@app/ledger';

/** Opens the configured event store once for the whole app and closes it on shutdown. */
@Global()
@Module({
  providers: [
    {
      provide: EVENT_STORE,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig): EventStore => SqliteEventStore.open({ file: dataFiles(config).ledger }),
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
