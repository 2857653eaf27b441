// The clock settings live in libs/runtime; this name stays for the api's own modules.
export { CLOCK_SETTINGS, clockSettingsFrom } from '@app/runtime';
