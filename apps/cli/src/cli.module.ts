import { Module } from '@nestjs/common';
import { EventsCommand } from './commands/events.command';
import { ServeCommand } from './commands/serve.command';
import { StatsCommand } from './commands/stats.command';

@Module({ providers: [ServeCommand, EventsCommand, StatsCommand] })
export class CliModule {}
