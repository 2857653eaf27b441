import { APP_CONFIG, AppConfig, Clock, CLOCK } from '@app/runtime';
import { Global, Inject, Module, OnApplicationShutdown } from '@nestjs/common';
import { EVENT_STORE, EventStore } from '@app/ledger';
import { openConfiguredStore } from './configured-store';

/** Opens the configured event store once for the whole app and closes it on shutdown. */
@Global()
@Module({
  providers: [
    {
      provide: EVENT_STORE,
      inject: [APP_CONFIG, CLOCK],
      useFactory: (config: AppConfig, clock: Clock) => openConfiguredStore(config, clock),
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
