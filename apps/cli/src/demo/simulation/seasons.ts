import { addDays, compareDates, LocalDate } from '@app/domain';
import { SPRING_FESTIVAL } from '../demo-city';

/** Within the weeks before the Spring Festival, when unpaid workers come for their wages. */
export function wageSeason(date: LocalDate): boolean {
  const year = Number(date.slice(0, 4));
  return [year, year + 1].some((y) => {
    const festival = (SPRING_FESTIVAL[y] ?? `${y}-02-01`) as LocalDate;
    return compareDates(date, addDays(festival, -42)) >= 0 && compareDates(date, addDays(festival, -2)) <= 0;
  });
}

/** Sensitive periods (两会, and in 2022 the Winter Olympics and the 20th Party Congress): daily screening, no trips to Beijing. */
export function sensitive(date: LocalDate): boolean {
  const md = date.slice(5);
  if (md >= '03-03' && md <= '03-12') return true;
  if (date >= '2022-02-04' && date <= '2022-02-20') return true;
  return date >= '2022-10-14' && date <= '2022-10-23';
}
