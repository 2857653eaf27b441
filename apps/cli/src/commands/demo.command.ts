import { dataFiles } from '@app/runtime';
import { writeFileSync } from 'node:fs';
import { Command, CommandRunner, Option } from 'nest-commander';
import { cliConfig } from '../cli-config';
import { exitOnCliError, fail } from '../cli-errors';
import { CITY, UNITS } from '../demo/demo-city';
import { DemoRefusedError, DemoResult, runDemo } from '../demo/run-demo';
import { count, duration, Progress, rateLine } from '../progress';

interface DemoOptions {
  seed?: number;
  year?: number;
  scale?: number;
}

const KIND_LABELS: Record<string, string> = {
  'visit-collective': '来市集访',
  'visit-individual': '来市个访',
  'skip-prefecture': '去地市',
  'skip-province': '到省',
  'skip-national': '赴京',
  online: '网上信访',
  letter: '来信',
  phone: '来电',
  sms: '短信',
};

@Command({
  name: 'demo',
  description: 'fill an empty ledger with a fictional county-level city: a realistic year and the year before',
})
export class DemoCommand extends CommandRunner {
  async run(_args: string[], options: DemoOptions): Promise<void> {
    const config = cliConfig();
    const seed = options.seed ?? 1;
    const year = options.year ?? 2022;
    const progress = new Progress();
    process.stderr.write(
      `ledger demo: ${CITY} (${UNITS.length} towns and departments), ${year - 1}–${year}, seed ${seed}, into ${config.dataDir}\n`,
    );
    let result: DemoResult;
    try {
      result = await runDemo({
        config,
        seed,
        year,
        scale: options.scale,
        onProgress: (p) => {
          if (p.phase === 'ledger') {
            const rate = p.seconds > 0 ? p.events / p.seconds : 0;
            progress.update(`  ledger: ${p.date}, ${count(p.events)} events, ${count(rate)} events/s`);
          } else {
            progress.update(`  read models: ${rateLine(p.applied, p.total, p.seconds)}`);
          }
        },
      });
    } catch (error) {
      exitOnCliError(error, [DemoRefusedError]);
    }
    progress.done(
      `  done: ${count(result.events)} events in ${duration(result.seconds)}` +
        (result.readModelSeconds !== null ? `, read models built in ${duration(result.readModelSeconds)}` : ''),
    );
    if (Object.keys(result.refusals).length > 0) {
      process.stderr.write(
        `  the domain refused some simulated commands (a demo bug): ${JSON.stringify(result.refusals)}\n`,
      );
    }
    process.stdout.write(this.describe(result, config.dataDir, year));
    const tokenFile = dataFiles(config).demoTokens;
    writeFileSync(
      tokenFile,
      '# role\tprincipal\tunits\ttoken\tname (written by `ledger demo`; anyone with this file can log in)\n' +
        result.principals
          .map((p) => `${p.role}\t${p.id}\t${p.units.join(',') || '-'}\t${p.token}\t${p.name}`)
          .join('\n') +
        '\n',
      { mode: 0o600 },
    );
    process.stdout.write(`\nAll ${result.principals.length} tokens are also in ${tokenFile} (mode 600).\n`);
  }

  private describe(result: DemoResult, dataDir: string, year: number): string {
    const lines: string[] = [];
    lines.push('');
    lines.push(`${CITY}: ${count(result.matters)} matters, ${result.from} to ${result.to}`);
    for (const y of Object.keys(result.contacts).sort()) {
      const c = result.contacts[y];
      const parts = Object.keys(KIND_LABELS)
        .filter((k) => c[k])
        .map((k) => `${KIND_LABELS[k]} ${count(c[k])}`);
      lines.push(`  ${y} contacts: ${parts.join(', ')}`);
    }
    if (result.campaign)
      lines.push(
        `  backlog campaign ${result.campaign.id}: ${result.campaign.cases} cases, targets 80 % by ${year}-06-30, 90 % by ${year}-07-31`,
      );
    lines.push('');
    lines.push('Log in with one of these bearer tokens (Authorization: Bearer <token>):');
    const width = Math.max(...result.principals.map((p) => p.role.length + p.id.length + 3));
    for (const p of result.principals.filter((x) => x.role !== 'handler'))
      lines.push(`  ${`${p.role} ${p.id}`.padEnd(width)} ${p.token}  ${p.name}`);
    lines.push('  handlers, one per unit:');
    for (const p of result.principals.filter((x) => x.role === 'handler'))
      lines.push(`  ${`handler ${p.units[0]}`.padEnd(width)} ${p.token}`);
    lines.push('');
    lines.push(`Next: LEDGER_DATA_DIR=${dataDir} npm start, then e.g.`);
    lines.push(`  curl -s localhost:3000/api/v1/units -H "Authorization: Bearer <the registrar's token>"`);
    return lines.join('\n') + '\n';
  }

  @Option({ flags: '--seed <n>', description: 'the same seed gives the same city, event for event (default 1)' })
  parseSeed(value: string): number {
    if (!/^\d{1,9}$/.test(value)) fail(`--seed expects a whole number, got ${JSON.stringify(value)}`);
    return Number(value);
  }

  @Option({ flags: '--year <yyyy>', description: 'the demo year; the year before is generated too (default 2022)' })
  parseYear(value: string): number {
    if (!/^\d{4}$/.test(value)) fail(`--year expects a year such as 2022, got ${JSON.stringify(value)}`);
    return Number(value);
  }

  @Option({ flags: '--scale <fraction>', description: "volumes as a share of the example report's (default 1)" })
  parseScale(value: string): number {
    const scale = Number(value);
    if (!/^\d*\.?\d+$/.test(value) || !(scale > 0 && scale <= 5))
      fail(`--scale expects a number in (0, 5], got ${JSON.stringify(value)}`);
    return scale;
  }
}
