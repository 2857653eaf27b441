/** The bureau's periods as the API names them: ISO weeks, half-months (2022-04-H1) and months (2022-04). Pure. */

export function isHalfMonth(value: string): boolean {
  return /^\d{4}-(0[1-9]|1[0-2])-H[12]$/.test(value);
}

export function isMonth(value: string): boolean {
  return /^\d{4}-(0[1-9]|1[0-2])$/.test(value);
}

export function isDate(value: string): boolean {
  return /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/.test(value);
}

/** The last half-month that has ended by `today` (the one a bulletin is due for). */
export function lastEndedHalfMonth(today: string): string {
  const [y, m, d] = today.split('-').map(Number);
  if (d >= 16) return `${y}-${String(m).padStart(2, '0')}-H1`;
  const [py, pm] = m === 1 ? [y - 1, 12] : [y, m - 1];
  return `${py}-${String(pm).padStart(2, '0')}-H2`;
}

/** The last month that has ended by `today` (the one a ranking is due for). */
export function lastEndedMonth(today: string): string {
  const [y, m] = today.split('-').map(Number);
  const [py, pm] = m === 1 ? [y - 1, 12] : [y, m - 1];
  return `${py}-${String(pm).padStart(2, '0')}`;
}

/** The half-month before or after (`step` ±1). */
export function shiftHalfMonth(period: string, step: 1 | -1): string {
  const [y, m, half] = [Number(period.slice(0, 4)), Number(period.slice(5, 7)), period.slice(9)];
  let index = (y * 12 + (m - 1)) * 2 + (half === '2' ? 1 : 0) + step;
  const h = index % 2;
  index = (index - h) / 2;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}-H${h + 1}`;
}

/** The month before or after. */
export function shiftMonth(month: string, step: 1 | -1): string {
  const index = Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1 + step;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}
