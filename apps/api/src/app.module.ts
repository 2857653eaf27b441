import { DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_PIPE } from '@nestjs/core';
import { CqrsModule } from '@nestjs/cqrs';
import { LoggerModule } from 'nestjs-pino';
import { AppConfig, Clock, CLOCK_SETTINGS, clockSettingsFrom } from '@app/runtime';
import { ConfigModule } from './config/config.module';
import { CalendarCoverageCheck } from './health/calendar-coverage.check';
import { HealthModule } from './health/health.module';
import { APP_LOGGER, appLogger, loggingParams } from './http/logging';
import { ProblemFilter } from './http/problem.filter';
import { createValidationPipe } from './http/validation';
import { LedgerModule } from './ledger/ledger.module';
import { AuditModule } from './audit/audit.module';
import { AuthGuard } from './auth/auth.guard';
import { problemForDomainError } from './http/domain-problems';
import { registerProblemMapper } from './http/problem.filter';
import { MATTER_HANDLERS, MattersController } from './matters';
import { PersonalDataModule } from './matters/personal-data.module';
import { PETITIONER_HANDLERS, PetitionersController } from './petitioners';
import { PRINCIPAL_HANDLERS, PRINCIPAL_USAGE_PROVIDERS, PrincipalsController } from './principals';
import { ReadPositionGuard } from './read-models/read-position.guard';
import { ReadModels } from './read-models/read-models.service';
import { ProjectionsModule } from './read-models/projections.module';
import { UnitDirectory } from './units/unit-directory';
import { UNIT_HANDLERS, UnitsController } from './units';
import { LedgerWriter } from './writes/ledger-writer';
import { FACT_HANDLERS, FactsController } from './facts';
import { REPORT_HANDLERS, ReportsController } from './reports';
import { INSTRUCTION_HANDLERS, InstructionsController } from './instructions';
import { UPPER_ASSIGNMENT_HANDLERS, UpperAssignmentsController } from './upper-assignments';
import {
  REMINDER_PROVIDERS,
  REMINDER_TIMER,
  ReminderChannelsController,
  RemindersController,
  ReminderTimer,
} from './reminders';
import { RHYTHM_CONTROLLERS, RHYTHM_HANDLERS } from './rhythm';
import { LIVE_PROVIDERS, LiveController } from './live';

registerProblemMapper(problemForDomainError);

export interface AppOptions {
  /** The clock every time read goes through; the system clock in the business zone by default. */
  readonly clock?: Clock;
  /** How the daily reminder waits for LEDGER_REMINDER_AT; Node's timers by default (tests fire it by hand). */
  readonly reminderTimer?: ReminderTimer;
}

@Module({})
export class AppModule {
  /** Built from an explicit config so tests get exactly what production gets; a test may fix the clock. */
  static forRoot(config: AppConfig, options: AppOptions = {}): DynamicModule {
    const logger = appLogger(config);
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config, options.clock),
        LoggerModule.forRoot(loggingParams(logger)),
        CqrsModule.forRoot(),
        LedgerModule,
        ProjectionsModule,
        HealthModule,
        PersonalDataModule,
        AuditModule,
      ],
      controllers: [
        UnitsController,
        PrincipalsController,
        MattersController,
        PetitionersController,
        FactsController,
        ReportsController,
        InstructionsController,
        UpperAssignmentsController,
        RemindersController,
        ReminderChannelsController,
        ...RHYTHM_CONTROLLERS,
        LiveController,
      ],
      providers: [
        { provide: APP_PIPE, useFactory: createValidationPipe },
        { provide: APP_FILTER, useClass: ProblemFilter },
        // In this order: who is asking first, then read-your-writes.
        { provide: APP_GUARD, useClass: AuthGuard },
        { provide: APP_GUARD, useClass: ReadPositionGuard },
        { provide: CLOCK_SETTINGS, useValue: clockSettingsFrom(config) },
        { provide: APP_LOGGER, useValue: logger },
        ReadModels,
        LedgerWriter,
        UnitDirectory,
        ...UNIT_HANDLERS,
        ...PETITIONER_HANDLERS,
        ...REPORT_HANDLERS,
        ...INSTRUCTION_HANDLERS,
        ...UPPER_ASSIGNMENT_HANDLERS,
        ...MATTER_HANDLERS,
        ...FACT_HANDLERS,
        ...RHYTHM_HANDLERS,
        ...REMINDER_PROVIDERS,
        ...(options.reminderTimer ? [{ provide: REMINDER_TIMER, useValue: options.reminderTimer }] : []),
        ...PRINCIPAL_HANDLERS,
        ...PRINCIPAL_USAGE_PROVIDERS,
        CalendarCoverageCheck,
        ...LIVE_PROVIDERS,
      ],
    };
  }
}
