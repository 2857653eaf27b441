import { DynamicModule, Global, Module } from '@nestjs/common';
import { APP_CONFIG, AppConfig, Clock, CLOCK, SystemClock } from '@app/runtime';

/** The config and the one Clock, for every module to inject. */
@Global()
@Module({})
export class ConfigModule {
  static forRoot(config: AppConfig, clock: Clock = new SystemClock(config.timeZone)): DynamicModule {
    return {
      module: ConfigModule,
      providers: [
        { provide: APP_CONFIG, useValue: config },
        { provide: CLOCK, useValue: clock },
      ],
      exports: [APP_CONFIG, CLOCK],
    };
  }
}
