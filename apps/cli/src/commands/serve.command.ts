import { dataFiles } from '@app/runtime';
import { Command, CommandRunner } from 'nest-commander';
import { createApp } from '../../../api/src/create-app';
import { cliConfig } from '../cli-config';

@Command({ name: 'serve', description: 'serve the HTTP API on the configured ledger (what `npm start` runs)' })
export class ServeCommand extends CommandRunner {
  async run(): Promise<void> {
    const config = cliConfig();
    const app = await createApp(config);
    await app.listen(config.port, config.host);
    const shown = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host;
    const url = `http://${shown}:${config.port}`;
    process.stdout.write(
      `petition-ledger is serving ${url}/api/v1 (OpenAPI: ${url}/api/docs, health: ${url}/health)\n` +
        `ledger file: ${dataFiles(config).ledger}\n`,
    );
    // Keep running until a signal; Nest's shutdown hooks close the ledger cleanly.
    await new Promise<void>(() => undefined);
  }
}
