import { ConfigError, loadConfig, AppConfig } from '@app/runtime';

/** Every command reads the same environment as the server; a bad value stops it with the reason. */
export function cliConfig(): AppConfig {
  try {
    return loadConfig(process.env);
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(2);
    }
    throw error;
  }
}
