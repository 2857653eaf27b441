// The configuration lives in libs/runtime; this name stays for the api's own modules.
export { APP_CONFIG, CONFIG_DEFAULTS, ConfigError, loadConfig, packageRoot } from '@app/runtime';
export type { AppConfig } from '@app/runtime';
