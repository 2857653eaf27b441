/** Small pure formatting of the bureau's pages (jest checks them without a browser). */
import { t } from '../core/i18n';

/** A change against the previous period: "↑ 35.71%", "↓ 0.75 个百分点", "新增", "持平". */
export function changeText(
  change: { before?: number | null; pct?: number | null; points?: number | null; trend: string | null } | undefined,
): string {
  if (!change || change.trend === null) return '';
  // Nothing before and nothing now: no change worth a word.
  if (change.trend === 'flat' && change.before === 0 && (change.pct ?? 0) === 0 && change.points === undefined)
    return '';
  if (change.trend === 'new') return t('bureau.changeNew');
  if (change.trend === 'flat') return t('bureau.changeFlat');
  const arrow = change.trend === 'up' ? '↑' : '↓';
  if (change.points !== undefined && change.points !== null)
    return `${arrow} ${Math.abs(change.points)} ${t('bureau.points')}`;
  if (change.pct !== undefined && change.pct !== null) return `${arrow} ${Math.abs(change.pct)}%`;
  return arrow;
}

export function rate(value: number | null | undefined): string {
  return value === null || value === undefined ? '—' : `${value}%`;
}
