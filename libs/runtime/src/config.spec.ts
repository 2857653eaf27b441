import { ConfigError, loadConfig } from './config';

describe('configuration', () => {
  it('gives the embedded defaults for an empty environment', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      port: 3000,
      store: 'sqlite',
      timeZone: 'Asia/Shanghai',
      adminToken: null,
      rollForward: true,
    });
    expect(config.dataDir.endsWith('/data')).toBe(true);
  });

  it('names every bad variable and the form it expects', () => {
    let error: unknown;
    try {
      loadConfig({
        PORT: 'eighty',
        LEDGER_STORE: 'postgres',
        LEDGER_TIMEZONE: 'Mars/Olympus',
        LEDGER_ADMIN_TOKEN: 'short',
      });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const problems = (error as ConfigError).problems.join('\n');
    expect(problems).toMatch(/PORT="eighty": expected an integer/);
    expect(problems).toMatch(/LEDGER_STORE="postgres": expected "sqlite"/);
    expect(problems).toMatch(/LEDGER_TIMEZONE="Mars\/Olympus": expected an IANA time zone/);
    expect(problems).toMatch(/LEDGER_ADMIN_TOKEN: expected at least 16 characters/);
    expect(problems).not.toMatch(/short/);
  });

  it('names the issuing office of printed bulletins, one line of text', () => {
    expect(loadConfig({}).issuingOffice).toBe('市信访工作领导小组办公室');
    // The daily reminder is off unless a time is set; a time must be HH:MM.
    expect(loadConfig({}).reminderAt).toBeNull();
    expect(loadConfig({ LEDGER_REMINDER_AT: ' 08:30 ' }).reminderAt).toBe('08:30');
    expect(() => loadConfig({ LEDGER_REMINDER_AT: '8:30am' })).toThrow(/LEDGER_REMINDER_AT="8:30am": expected a time/);
    expect(() => loadConfig({ LEDGER_REMINDER_AT: '24:00' })).toThrow(/LEDGER_REMINDER_AT/);
    expect(loadConfig({ LEDGER_ISSUING_OFFICE: ' 青禾市信访局 ' }).issuingOffice).toBe('青禾市信访局');
    expect(() => loadConfig({ LEDGER_ISSUING_OFFICE: '青禾市\n信访局' })).toThrow(
      /LEDGER_ISSUING_OFFICE: expected one line/,
    );
    expect(() => loadConfig({ LEDGER_ISSUING_OFFICE: '局'.repeat(65) })).toThrow(/at most 64 characters/);
  });

  it('keeps personal data unless LEDGER_RETENTION_YEARS names whole years', () => {
    expect(loadConfig({}).retentionYears).toBeNull();
    expect(loadConfig({ LEDGER_RETENTION_YEARS: ' 5 ' }).retentionYears).toBe(5);
    for (const bad of ['0', '2.5', 'five', '101']) {
      expect(() => loadConfig({ LEDGER_RETENTION_YEARS: bad })).toThrow(
        /LEDGER_RETENTION_YEARS=.*expected whole years/,
      );
    }
  });

  it('reads booleans and numbers', () => {
    expect(loadConfig({ LEDGER_ROLL_FORWARD: 'false', PORT: '8080' })).toMatchObject({
      rollForward: false,
      port: 8080,
    });
    expect(() => loadConfig({ LEDGER_ROLL_FORWARD: 'maybe' })).toThrow(
      /LEDGER_ROLL_FORWARD="maybe": expected true or false/,
    );
  });

  it('selects the EventStoreDB adapter by its connection string, and never echoes a password', () => {
    expect(loadConfig({ LEDGER_STORE: 'esdb://node1:2113?tls=false' })).toMatchObject({
      store: 'eventstoredb',
      storeUrl: 'esdb://node1:2113?tls=false',
      auditSigner: true,
    });
    expect(
      loadConfig({ LEDGER_STORE: 'esdb+discover://cluster.example:2113', LEDGER_AUDIT_SIGNER: 'false' }),
    ).toMatchObject({
      store: 'eventstoredb',
      auditSigner: false,
    });
    expect(loadConfig({})).toMatchObject({ store: 'sqlite', storeUrl: null });
    let error: unknown;
    try {
      loadConfig({ LEDGER_STORE: 'kurrent://admin:secret-pw@node1:2113' });
    } catch (e) {
      error = e;
    }
    const problems = (error as ConfigError).problems.join('\n');
    expect(problems).toMatch(/LEDGER_STORE="kurrent:\/\/\*\*\*@node1:2113": expected "sqlite", "esdb:/);
    expect(problems).not.toMatch(/secret-pw/);
    expect(() => loadConfig({ LEDGER_AUDIT_SIGNER: 'sometimes' })).toThrow(/LEDGER_AUDIT_SIGNER="sometimes"/);
  });

  it("takes the signer's verifier key or a bare public key as LEDGER_AUDIT_TRUSTED_KEY, and nothing else", () => {
    const verifierKey = 'petition-ledger/spec-signer+9b7c28a2+Afjhkk5U80GpGj2Mrk+wzOoDWm80V6FLG98REzZb99d+';
    const publicKey = '+OGSTlTzQakaPYyuT7DM6gNabzRXoUsb3xETNlv3134=';
    expect(loadConfig({})).toMatchObject({ auditTrustedKey: null });
    expect(loadConfig({ LEDGER_AUDIT_TRUSTED_KEY: verifierKey })).toMatchObject({ auditTrustedKey: verifierKey });
    expect(loadConfig({ LEDGER_AUDIT_TRUSTED_KEY: publicKey })).toMatchObject({ auditTrustedKey: publicKey });
    // Another key ID than the name and key give, or a private key: refused with the other problems.
    for (const wrong of [verifierKey.replace('9b7c28a2', '9b7c28a3'), `PRIVATE+KEY+${verifierKey}`, 'secret'])
      expect(() => loadConfig({ LEDGER_AUDIT_TRUSTED_KEY: wrong })).toThrow(/LEDGER_AUDIT_TRUSTED_KEY: expected/);
  });
});
