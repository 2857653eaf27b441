import { APP_CONFIG, AppConfig, dataFiles, Clock, CLOCK } from '@app/runtime';
import { Global, Inject, Module, OnApplicationShutdown } from '@nestjs/common';
import { PersonalDataVault } from '@app/security';

export const PERSONAL_DATA_VAULT = Symbol('PERSONAL_DATA_VAULT');

/** The key store lives beside the log, in its own file, so destroying a key never touches the log. */
@Global()
@Module({
  providers: [
    {
      provide: PERSONAL_DATA_VAULT,
      inject: [APP_CONFIG, CLOCK],
      useFactory: (config: AppConfig, clock: Clock) =>
        PersonalDataVault.open(dataFiles(config).keys, () => clock.now()),
    },
  ],
  exports: [PERSONAL_DATA_VAULT],
})
export class PersonalDataModule implements OnApplicationShutdown {
  constructor(@Inject(PERSONAL_DATA_VAULT) private readonly vault: PersonalDataVault) {}

  onApplicationShutdown(): void {
    this.vault.close();
  }
}
