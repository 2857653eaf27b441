import { spawn } from 'node:child_process';
import { resolve } from 'node:path';

export const register = resolve(__dirname, 'register-ts.js');
export const cli = resolve(__dirname, '../../apps/cli/src/main.ts');

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the real `ledger` command (from sources) in a child process with the given environment. */
export function runCli(env: Record<string, string>, ...args: string[]): Promise<CliRun> {
  return new Promise((done) => {
    const proc = spawn(process.execPath, ['-r', register, cli, ...args], {
      env: { ...process.env, LEDGER_LOG_LEVEL: 'silent', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    proc.stdout.on('data', (chunk) => (stdout += chunk));
    proc.stderr.on('data', (chunk) => (stderr += chunk));
    proc.on('exit', (code) => done({ code, stdout, stderr }));
  });
}
