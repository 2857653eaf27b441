import { DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER, APP_PIPE } from '@nestjs/core';
import { LoggerModule } from 'nestjs-pino';
import { AppConfig } from './config/app-config';
import { ConfigModule } from './config/config.module';
import { HealthModule } from './health/health.module';
import { loggingParams } from './http/logging';
import { ProblemFilter } from './http/problem.filter';
import { createValidationPipe } from './http/validation';
import { LedgerModule } from './ledger/ledger.module';

@Module({})
export class AppModule {
  /** Built from an explicit config so tests get exactly what production gets. */
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [ConfigModule.forRoot(config), LoggerModule.forRoot(loggingParams(config)), LedgerModule, HealthModule],
      providers: [
        { provide: APP_PIPE, useFactory: createValidationPipe },
        { provide: APP_FILTER, useClass: ProblemFilter },
      ],
    };
  }
}
