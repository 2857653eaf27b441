// The shared runtime: configuration, the data directory, the clock. No framework.

export { APP_CONFIG, CONFIG_DEFAULTS, ConfigError, loadConfig, packageRoot, withoutCredentials } from './config';
export type { AppConfig } from './config';
export { dataFiles } from './data-files';
export type { DataFiles } from './data-files';
export { CLOCK_SETTINGS, clockSettingsFrom } from './clock-settings';
export type { RuntimeClockSettings } from './clock-settings';
export { CLOCK, FixedClock, SystemClock, systemNow } from './clock';
export type { Clock } from './clock';
export { WalSync } from './wal-sync';
export { pooledRandomBytes } from './random-bytes';
