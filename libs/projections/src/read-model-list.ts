import type { ClockSettings } from '@app/domain';
import type { Projection } from '@app/ledger';
import { activityFactsProjection } from './read-models/activity-facts.projection';
import { mattersProjection } from './read-models/matters.projection';
import { principalsProjection } from './read-models/principals.projection';
import { timelineProjection } from './read-models/timeline.projection';
import { unitsProjection } from './read-models/units.projection';
import { rhythmProjection } from './rhythm';

/**
 * Every read model the server keeps in read-models.sqlite, in the order the runner
 * applies them. The server, `ledger rebuild`, `ledger project`, `ledger replay` and
 * `ledger demo` all take this one list, so a new read model is added here only.
 */
export function readModelProjections(settings: ClockSettings): Projection[] {
  return [
    unitsProjection,
    principalsProjection,
    mattersProjection(settings),
    timelineProjection,
    activityFactsProjection(settings),
    rhythmProjection(settings),
  ];
}
