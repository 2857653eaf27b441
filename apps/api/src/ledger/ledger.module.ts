import { dataFiles, APP_CONFIG, AppConfig, Clock, CLOCK } from '@app/runtime';
import { Global, Inject, Module, OnApplicationShutdown } from '@nestjs/common';
import { EVENT_STORE, EventStore, SqliteEventStore } from '@app/ledger';
import { EsdbEventStore } from '@app/ledger/eventstoredb';

/** The configured adapter: the embedded file, or the cluster named by LEDGER_STORE; `recordedAt` from the clock. */
export function openConfiguredStore(config: AppConfig, clock: Clock): EventStore {
  const now = () => clock.now();
  if (config.store === 'eventstoredb') {
    return EsdbEventStore.fromUrl(config.storeUrl!, { now });
  }
  return SqliteEventStore.open({ file: dataFiles(config).ledger, now });
}

/** Opens the configured event store once for the whole app and closes it on shutdown. */
@Global()
@Module({
  providers: [{ provide: EVENT_STORE, inject: [APP_CONFIG, CLOCK], useFactory: openConfiguredStore }],
  exports: [EVENT_STORE],
})
export class LedgerModule implements OnApplicationShutdown {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async onApplicationShutdown(): Promise<void> {
    await this.store.close();
  }
}
