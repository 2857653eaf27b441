import { Module } from '@nestjs/common';
import { BackupCommand } from './commands/backup.command';
import { DemoCommand } from './commands/demo.command';
import { EventsCommand } from './commands/events.command';
import { ExportCommand } from './commands/export.command';
import { MigrateCommand } from './commands/migrate.command';
import { ProveCommand } from './commands/prove.command';
import { ProjectCommand } from './commands/project.command';
import { RebuildCommand } from './commands/rebuild.command';
import { ReplayCommand } from './commands/replay.command';
import { RestoreCommand } from './commands/restore.command';
import { RetentionCommand } from './commands/retention.command';
import { ServeCommand } from './commands/serve.command';
import { StatsCommand } from './commands/stats.command';
import { VerifyCommand } from './commands/verify.command';

@Module({
  providers: [
    DemoCommand,
    ProjectCommand,
    RebuildCommand,
    ServeCommand,
    EventsCommand,
    StatsCommand,
    ExportCommand,
    VerifyCommand,
    ProveCommand,
    ReplayCommand,
    MigrateCommand,
    BackupCommand,
    RestoreCommand,
    RetentionCommand,
  ],
})
export class CliModule {}
