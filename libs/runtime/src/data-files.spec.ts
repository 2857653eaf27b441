import { dataFiles } from './data-files';

describe('the data directory', () => {
  it('names each file once, all inside the directory, none twice', () => {
    const files = dataFiles({ dataDir: '/srv/ledger' });
    expect(files).toEqual({
      dir: '/srv/ledger',
      ledger: '/srv/ledger/ledger.sqlite',
      readModels: '/srv/ledger/read-models.sqlite',
      audit: '/srv/ledger/audit.sqlite',
      keys: '/srv/ledger/keys.sqlite',
      signingKey: '/srv/ledger/audit-signing.key',
      demoTokens: '/srv/ledger/demo-tokens.txt',
      principalUsage: '/srv/ledger/principal-usage.sqlite',
    });
    const paths = Object.entries(files)
      .filter(([name]) => name !== 'dir')
      .map(([, path]) => path);
    expect(new Set(paths).size).toBe(paths.length);
  });
});
