import { Command, CommandBus, Query, QueryBus } from '@nestjs/cqrs';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { startTestApp, TestApp } from './support/test-app';

const COMMAND_HANDLER = '__commandHandler__';
const QUERY_HANDLER = '__queryHandler__';
const COMMAND_ID = '__command__';
const QUERY_ID = '__query__';

type Class = abstract new (...args: never[]) => unknown;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    // Commands, queries and their handlers live in files named for their role.
    return /\.(command|query|handler)\.ts$/.test(name) ? [path] : [];
  });
}

/** Every class that apps/api's command, query and handler files export. */
function exportedClasses(): Class[] {
  const classes = new Set<Class>();
  for (const file of sourceFiles(join(__dirname, '../apps/api/src'))) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- loads every source file to find its classes
    for (const value of Object.values(require(file) as Record<string, unknown>)) {
      if (typeof value === 'function' && /^class\b/.test(Function.prototype.toString.call(value))) {
        classes.add(value as Class);
      }
    }
  }
  return [...classes];
}

const extendsFrom = (cls: Class, base: Class) => cls.prototype instanceof base;

describe('every command and query has exactly one handler', () => {
  const classes = exportedClasses();
  const commands = classes.filter((c) => extendsFrom(c, Command));
  const queries = classes.filter((c) => extendsFrom(c, Query));
  const handledBy = (key: string, message: Class) =>
    classes.filter((c) => Reflect.getMetadata(key, c) === message).map((c) => c.name);

  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(() => app.close());

  it('finds the commands and queries of apps/api', () => {
    expect(commands.map((c) => c.name)).toEqual(
      expect.arrayContaining([
        'RegisterUnitCommand',
        // matters: every write of API.md's Matters section, and the recording of a personal-data reading
        'OpenMatterCommand',
        'RecordContactCommand',
        'AssignMatterCommand',
        'DecideAcceptanceCommand',
        'ReturnOutsideRemitCommand',
        'RecordHandlingActionCommand',
        'ExtendDeadlineCommand',
        'IssueReplyCommand',
        'EvaluateSatisfactionCommand',
        'RequestReviewCommand',
        'DecideReviewCommand',
        'ResolveMatterCommand',
        'AssignOwnerCommand',
        'CorrectMatterCommand',
        'RecordPersonalDataViewingCommand',
        // other facts
        'RecordReceptionCommand',
        'RecordScreeningCommand',
        'RecordRiskAssessmentCommand',
        'LaunchCampaignCommand',
        'AddCampaignCaseCommand',
        'HoldMeetingCommand',
        'RecordAccountabilityCommand',
      ]),
    );
    expect(queries.map((c) => c.name)).toEqual(
      expect.arrayContaining([
        'ListUnitsQuery',
        'ListMattersQuery',
        'GetMatterQuery',
        'MatterTimelineQuery',
        // audit: every read of API.md's Audit section
        'GetCheckpointQuery',
        'ListCheckpointsQuery',
        'GetInclusionProofQuery',
        'GetConsistencyProofQuery',
        'VerifyAuditQuery',
        'ListAuditEventsQuery',
      ]),
    );
  });

  it('each command class has one @CommandHandler, registered on the app bus', () => {
    const bus = app.app.get(CommandBus) as unknown as { handlers: Map<string, unknown> };
    for (const command of commands) {
      expect({ command: command.name, handlers: handledBy(COMMAND_HANDLER, command) }).toEqual({
        command: command.name,
        handlers: [expect.any(String)],
      });
      const id = (Reflect.getMetadata(COMMAND_ID, command) as { id: string } | undefined)?.id;
      expect({ command: command.name, registered: id !== undefined && bus.handlers.has(id) }).toEqual({
        command: command.name,
        registered: true,
      });
    }
  });

  it('each query class has one @QueryHandler, registered on the app bus', () => {
    const bus = app.app.get(QueryBus) as unknown as { handlers: Map<string, unknown> };
    for (const query of queries) {
      expect({ query: query.name, handlers: handledBy(QUERY_HANDLER, query) }).toEqual({
        query: query.name,
        handlers: [expect.any(String)],
      });
      const id = (Reflect.getMetadata(QUERY_ID, query) as { id: string } | undefined)?.id;
      expect({ query: query.name, registered: id !== undefined && bus.handlers.has(id) }).toEqual({
        query: query.name,
        registered: true,
      });
    }
  });
});
