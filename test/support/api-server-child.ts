/**
 * Child process of the group-commit kill test: the real HTTP app on a data directory,
 * listening on a free port, until it is killed.
 *
 *   node -r ./test/support/register-ts.js api-server-child.ts <dataDir> <adminToken>
 *
 * Prints `listening <port>` once it accepts requests.
 */
import { writeSync } from 'node:fs';
import { AddressInfo } from 'node:net';
import { loadConfig } from '@app/runtime';
import { createApp } from '../../apps/api/src/create-app';

const [dataDir, adminToken] = process.argv.slice(2);

async function main(): Promise<void> {
  const app = await createApp(
    loadConfig({ LEDGER_DATA_DIR: dataDir, LEDGER_ADMIN_TOKEN: adminToken, LEDGER_LOG_LEVEL: 'silent' }),
  );
  app.useLogger(false);
  await app.listen(0, '127.0.0.1');
  const { port } = app.getHttpServer().address() as AddressInfo;
  writeSync(1, `listening ${port}\n`);
}

void main();
