import { addDays, LocalDate } from '@app/domain';
import { CURRENT_YEAR, PREVIOUS_YEAR, YearVolumes } from '../demo-city';
import { at, officeTime } from '../demo-time';
import { Contacts } from './contacts';
import { sensitive, wageSeason } from './seasons';
import { ARRIVAL_KINDS, ArrivalKind } from './simulated-matter';
import { SimulationWorld } from './world';

/** Arrivals: how many contacts of each kind come on a day (the year's volume spread by the seasons), and when. */
export class Arrivals {
  private readonly weights = new Map<string, number>();

  constructor(
    private readonly w: SimulationWorld,
    private readonly contacts: Contacts,
  ) {}

  /** Schedules the day's contacts. */
  day(date: LocalDate): void {
    const year = Number(date.slice(0, 4));
    const volumes = year === this.w.settings.year ? CURRENT_YEAR : PREVIOUS_YEAR;
    for (const kind of ARRIVAL_KINDS) {
      const n = this.w.rng.poisson(
        (this.yearly(kind, volumes) * this.w.settings.scale * this.weight(kind, date)) / this.yearWeight(kind, year),
      );
      for (let i = 0; i < n; i++) {
        const when = this.arrivalTime(kind, date);
        this.w.agenda.add(when, () => this.contacts.arrive(kind, when));
      }
    }
  }

  private yearly(kind: ArrivalKind, v: YearVolumes): number {
    switch (kind) {
      case 'cityCollective':
        return v.cityCollective;
      case 'cityIndividual':
        return v.cityIndividual;
      case 'online':
        return v.online;
      case 'sms':
        return v.sms;
      case 'letter':
        return v.letters;
      case 'phone':
        return v.phone;
      case 'prefectureCollective':
        return v.skip.prefecture[0];
      case 'prefectureIndividual':
        return v.skip.prefecture[1];
      case 'provinceCollective':
        return v.skip.province[0];
      case 'provinceIndividual':
        return v.skip.province[1];
      case 'nationalCollective':
        return v.skip.national[0];
      case 'nationalIndividual':
        return v.skip.national[1];
    }
  }

  private weight(kind: ArrivalKind, date: LocalDate): number {
    const working = this.w.settings.clock.calendar.isWorkingDay(date);
    const visit = kind !== 'online' && kind !== 'sms' && kind !== 'letter' && kind !== 'phone';
    let w = working ? 1 : visit ? 0.06 : kind === 'letter' ? 0 : kind === 'online' ? 0.6 : 0.5;
    if (wageSeason(date)) {
      if (kind === 'cityCollective') w *= 2.6;
      else if (kind === 'cityIndividual') w *= 1.4;
      else if (visit) w *= 1.5;
      else if (kind === 'phone' || kind === 'sms') w *= 1.3;
    }
    const month = Number(date.slice(5, 7));
    if (kind === 'online' && (month === 3 || month === 4)) w *= 1.35;
    if (
      (kind === 'nationalIndividual' || kind === 'nationalCollective') &&
      sensitive(date) &&
      date.startsWith(String(this.w.settings.year))
    ) {
      w *= 0.05;
    }
    return w;
  }

  private yearWeight(kind: ArrivalKind, year: number): number {
    const key = `${kind}|${year}`;
    let total = this.weights.get(key);
    if (total === undefined) {
      total = 0;
      for (let d = `${year}-01-01` as LocalDate; d.startsWith(String(year)); d = addDays(d, 1))
        total += this.weight(kind, d);
      this.weights.set(key, total);
    }
    return total;
  }

  private arrivalTime(kind: ArrivalKind, date: LocalDate): number {
    if (kind === 'online' || kind === 'sms') return at(date, this.w.rng.between(7, 23.9));
    if (kind === 'phone') return at(date, this.w.rng.between(8, 20));
    return officeTime(this.w.rng, date);
  }
}
