import { CHANNELS } from '../core/code-lists';

/** The 首页's figures from the API's answers: pure, so jest checks them without a browser. */

export interface AgendaDuty {
  readonly matterId: string;
  readonly step: string;
  readonly from: string;
  readonly deadline: string;
  readonly met: string | null;
  readonly missedOn: string | null;
}

export interface Agenda {
  readonly week: string;
  readonly from: string;
  readonly to: string;
  readonly contacts: {
    readonly batches: number;
    readonly persons: number;
    readonly repeat: number;
    readonly byChannel: Readonly<Record<string, number>>;
  };
  readonly deadlines: readonly {
    readonly unit: string | null;
    readonly due: readonly AgendaDuty[];
    readonly overdue: readonly AgendaDuty[];
  }[];
  readonly campaigns: readonly {
    readonly id: string;
    readonly name: string;
    readonly cases: number;
    readonly resolved: number;
    readonly rate: number | null;
    readonly target: { readonly by: string; readonly rate: number } | null;
    readonly onTrack: boolean;
  }[];
}

interface Batches {
  readonly batches: number;
  readonly persons: number;
}

export interface Overview {
  readonly skipLevel: Readonly<
    Record<'national' | 'province' | 'prefecture', { readonly collective: Batches; readonly individual: Batches }>
  >;
  readonly cityVisits: {
    readonly collective: { readonly categories: readonly { readonly category: string; readonly batches: number }[] };
    readonly individual: { readonly categories: readonly { readonly category: string; readonly batches: number }[] };
  };
}

export const SKIP_LEVELS = ['national', 'province', 'prefecture'] as const;

/** Per channel, the batches of each week (oldest week first). */
export function channelSeries(agendas: readonly Agenda[]): Record<string, number[]> {
  const out: Record<string, number[]> = {};
  for (const channel of CHANNELS) out[channel] = agendas.map((a) => a.contacts.byChannel[channel] ?? 0);
  return out;
}

/** City visits by category (collective and individual batches added), largest first. */
export function visitsByCategory(overview: Overview): { category: string; batches: number }[] {
  const totals = new Map<string, number>();
  for (const kind of ['collective', 'individual'] as const) {
    for (const row of overview.cityVisits[kind].categories) {
      totals.set(row.category, (totals.get(row.category) ?? 0) + row.batches);
    }
  }
  return [...totals]
    .map(([category, batches]) => ({ category, batches }))
    .filter((row) => row.batches > 0)
    .sort((a, b) => b.batches - a.batches || a.category.localeCompare(b.category));
}

/** Skip-level visits (越级访) per level: collective and individual batches. */
export function skipLevelByLevel(overview: Overview) {
  return SKIP_LEVELS.map((level) => ({
    level,
    collective: overview.skipLevel[level].collective.batches,
    individual: overview.skipLevel[level].individual.batches,
  }));
}

/** An item of GET /matters. */
export interface MatterListItem {
  readonly id: string;
  readonly revision: number;
  readonly status: string;
  readonly category: string;
  readonly subject: string | null;
  readonly responsibleUnit: string;
  readonly assignedUnit: string | null;
  readonly openedAt: string;
  readonly owner: string | null;
  readonly resolved: boolean;
}

export interface MatterPage {
  readonly items: readonly MatterListItem[];
  readonly nextCursor: string | null;
}

/** Overdue matters counted per unit they are with (null: still with the bureau), most first. */
export function overdueByUnit(matters: readonly MatterListItem[]): { unit: string | null; count: number }[] {
  const counts = new Map<string | null, number>();
  for (const m of matters) counts.set(m.assignedUnit, (counts.get(m.assignedUnit) ?? 0) + 1);
  return [...counts]
    .map(([unit, count]) => ({ unit, count }))
    .sort((a, b) => b.count - a.count || String(a.unit).localeCompare(String(b.unit)));
}

/** Duties whose last day falls in the week, with their unit, soonest first. */
export function dueThisWeek(agenda: Agenda): (AgendaDuty & { unit: string | null })[] {
  return agenda.deadlines
    .flatMap((d) => d.due.map((duty) => ({ ...duty, unit: d.unit })))
    .sort((a, b) => a.deadline.localeCompare(b.deadline) || a.matterId.localeCompare(b.matterId));
}
