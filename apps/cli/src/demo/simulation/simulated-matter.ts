import type { Category, MatterState } from '@app/domain';
import type { HousingProject } from '../demo-city';

/** The ways a contact reaches the bureau, each with its own yearly volume (demo-city.ts) and seasons. */
export type ArrivalKind =
  | 'cityCollective'
  | 'cityIndividual'
  | 'online'
  | 'sms'
  | 'letter'
  | 'phone'
  | 'prefectureCollective'
  | 'prefectureIndividual'
  | 'provinceCollective'
  | 'provinceIndividual'
  | 'nationalCollective'
  | 'nationalIndividual';

export const ARRIVAL_KINDS: readonly ArrivalKind[] = [
  'cityCollective',
  'cityIndividual',
  'online',
  'sms',
  'letter',
  'phone',
  'prefectureCollective',
  'prefectureIndividual',
  'provinceCollective',
  'provinceIndividual',
  'nationalCollective',
  'nationalIndividual',
];

/** A matter as the simulation follows it: its state as the domain folds it, and what drives its course. */
export interface SimMatter {
  id: string;
  stream: string;
  state: MatterState;
  kind: ArrivalKind;
  home: string;
  project: HousingProject | null;
  trueCategory: Category;
  campaign: boolean;
  dissatisfied: boolean;
  returned: boolean;
}
