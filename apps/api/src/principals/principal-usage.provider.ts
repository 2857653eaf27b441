import { Inject, Injectable, OnApplicationShutdown, Provider } from '@nestjs/common';
import { APP_CONFIG, AppConfig, dataFiles } from '@app/runtime';
import { PrincipalUsage } from '@app/security';

export const PRINCIPAL_USAGE = Symbol('PRINCIPAL_USAGE');

/** Closes the side store with the app. */
@Injectable()
export class PrincipalUsageCloser implements OnApplicationShutdown {
  constructor(@Inject(PRINCIPAL_USAGE) private readonly usage: PrincipalUsage) {}

  onApplicationShutdown(): void {
    this.usage.close();
  }
}

/** "Last used" lives in its own file of the data directory, never in the ledger. */
export const PRINCIPAL_USAGE_PROVIDERS: Provider[] = [
  {
    provide: PRINCIPAL_USAGE,
    inject: [APP_CONFIG],
    useFactory: (config: AppConfig) => new PrincipalUsage(dataFiles(config).principalUsage),
  },
  PrincipalUsageCloser,
];
