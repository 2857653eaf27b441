import { Global, Inject, Module, OnApplicationShutdown } from '@nestjs/common';
import { join } from 'node:path';
import { PersonalDataVault } from '@app/security';
import { APP_CONFIG, AppConfig } from '../config/app-config';

export const PERSONAL_DATA_VAULT = Symbol('PERSONAL_DATA_VAULT');

/** The petitioners' keys: beside the log, in their own file. */
export function keyStoreFile(config: AppConfig): string {
  return join(config.dataDir, 'keys.sqlite');
}

/** The key store lives beside the log, in its own file, so destroying a key never touches the log. */
@Global()
@Module({
  providers: [
    {
      provide: PERSONAL_DATA_VAULT,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => PersonalDataVault.open(keyStoreFile(config)),
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
