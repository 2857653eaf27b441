import { en } from '../i18n/en';
import { zh } from '../i18n/zh';
import { initLocale, label, setLocale, t } from './i18n';

function memoryStorage(): Storage {
  const map = new Map<string, string>();
  return {
    getItem: (k) => map.get(k) ?? null,
    setItem: (k, v) => void map.set(k, v),
    removeItem: (k) => void map.delete(k),
    clear: () => map.clear(),
    key: () => null,
    get length() {
      return map.size;
    },
  };
}

describe('the UI strings', () => {
  afterEach(() => setLocale('zh'));

  it('are Chinese by default, and English once chosen (remembered in the browser)', () => {
    const storage = memoryStorage();
    expect(initLocale(storage)).toBe('zh');
    expect(t('nav.matters')).toBe('事项');
    setLocale('en', storage);
    expect(t('nav.matters')).toBe('Matters');
    expect(initLocale(storage)).toBe('en');
  });

  it('fill in parameters and leave an unknown one visible', () => {
    expect(t('clock.overdue', { days: 3 })).toBe('已逾期 3 天');
    expect(t('clock.overdue')).toBe('已逾期 {days} 天');
  });

  it('have the same keys and parameters in both languages', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(zh).sort());
    const params = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const key of Object.keys(zh) as (keyof typeof zh)[])
      expect([key, params(en[key])]).toEqual([key, params(zh[key])]);
  });

  it("name the API's codes, and show an unknown code as itself", () => {
    expect(label('channel', 'visit')).toBe('来访');
    expect(label('category', 'labour_social_security')).toBe('劳动社保');
    expect(label('status', 'accepted')).toBe('办理中');
    expect(label('channel', 'pigeon')).toBe('pigeon');
    expect(label('channel', null)).toBe('');
  });
});
