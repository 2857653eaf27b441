import { en } from '../i18n/en';
import { MessageKey, zh } from '../i18n/zh';

export type { MessageKey };
export type Locale = 'zh' | 'en';
export type Params = Record<string, string | number | null | undefined>;

const DICTIONARIES: Record<Locale, Record<MessageKey, string>> = { zh, en };
const STORAGE_KEY = 'petition-ledger.locale';

let current: Locale = 'zh';

/** The UI's language: Chinese unless the user chose English (remembered in this browser). */
export function initLocale(storage: Pick<Storage, 'getItem'> | null): Locale {
  current = storage?.getItem(STORAGE_KEY) === 'en' ? 'en' : 'zh';
  return current;
}

export function setLocale(locale: Locale, storage?: Pick<Storage, 'setItem'> | null): void {
  current = locale;
  storage?.setItem(STORAGE_KEY, locale);
}

export function locale(): Locale {
  return current;
}

/** A message in the current language, with `{name}` parameters filled in. */
export function t(key: MessageKey, params: Params = {}): string {
  const template = DICTIONARIES[current][key] ?? zh[key] ?? key;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    return value === null || value === undefined ? whole : String(value);
  });
}

export function has(key: string): key is MessageKey {
  return key in zh;
}

/** The name of a code from one of the API's code lists (`label('channel', 'visit')` → 来访); the code itself if unknown. */
export function label(list: string, code: string | null | undefined): string {
  if (code === null || code === undefined) return '';
  const key = `${list}.${code}`;
  return has(key) ? t(key) : code;
}

/** A number in the current language's format. */
export function num(value: number | null | undefined): string {
  if (value === null || value === undefined) return '—';
  return new Intl.NumberFormat(current === 'zh' ? 'zh-CN' : 'en-GB').format(value);
}
