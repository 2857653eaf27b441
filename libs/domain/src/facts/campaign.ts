import { CAMPAIGN_ASSIGNERS } from '../code-lists';
import { DomainEvent, domainEvent } from '../events/event-catalog';
import { oneOf, refuse, requiredText } from '../matter/command-checks';
import type { Decider } from '../decider';
import { compareDates, parseLocalDate } from '../time/local-date';
import { instantOf } from '../time/time-zone';
import type { CampaignCommand, LaunchCampaign } from './fact-commands';
import { FactContext, factTime } from './record-facts';

/** A backlog campaign (积案化解): its targets and the matters in it. */
export interface CampaignState {
  readonly campaignId: string;
  /** When it was launched: no case is added before. */
  readonly launchedAt: string;
  readonly name: string;
  readonly targets: readonly { readonly by: string; readonly rate: number }[];
  readonly matterIds: readonly string[];
}

export function evolveCampaign(state: CampaignState | null, event: DomainEvent): CampaignState | null {
  if (event.type === 'CampaignLaunched') {
    return {
      campaignId: event.data.campaignId,
      launchedAt: event.occurredAt,
      name: event.data.name,
      targets: event.data.targets,
      matterIds: [],
    };
  }
  if (event.type === 'CampaignCaseAdded' && state) {
    return { ...state, matterIds: [...state.matterIds, event.data.matterId] };
  }
  return state;
}

function targets(command: LaunchCampaign) {
  if (!Array.isArray(command.targets)) refuse('value-required', 'targets must be a list', 'targets');
  const list = command.targets.map((t, i) => {
    const by = typeof t?.by === 'string' ? parseLocalDate(t.by) : null;
    if (!by?.ok) refuse('value-invalid', `targets[${i}].by must be a date YYYY-MM-DD`, `targets[${i}].by`);
    if (typeof t.rate !== 'number' || !(t.rate > 0 && t.rate <= 100)) {
      refuse('value-invalid', `targets[${i}].rate must be a percentage in (0, 100]`, `targets[${i}].rate`);
    }
    return { by: by.value, rate: t.rate };
  });
  // Targets are milestones of one campaign: later dates, higher rates (80 % by June, 90 % by July).
  list.slice(1).forEach((t, i) => {
    if (compareDates(list[i].by, t.by) >= 0 || list[i].rate > t.rate) {
      refuse('value-invalid', 'targets must have increasing dates and non-decreasing rates', `targets[${i + 1}]`);
    }
  });
  return list;
}

/**
 * A campaign or a case is often entered after the higher level assigned it, so either may
 * be back-dated like any fact (never into the future), and a case never before the launch.
 */
export function decideCampaign(command: CampaignCommand, state: CampaignState | null, ctx: FactContext): DomainEvent[] {
  // The instant is checked first: a future or malformed occurredAt is bad input whatever else.
  const at = factTime(command.occurredAt, ctx);
  if (command.type === 'LaunchCampaign') {
    if (typeof command.campaignId !== 'string' || !/^[A-Za-z0-9_-]{1,64}$/.test(command.campaignId)) {
      refuse('value-invalid', 'campaignId must match ^[A-Za-z0-9_-]{1,64}$', 'campaignId');
    }
    const name = requiredText(command.name, 'name');
    const list = targets(command);
    if (state) refuse('already-opened', `campaign ${state.campaignId} already exists`);
    return [domainEvent('CampaignLaunched', at, { campaignId: command.campaignId, name, targets: list })];
  }
  assertNotBeforeLaunch(state, at);
  const matterId = requiredText(command.matterId, 'matterId');
  const assignedBy = oneOf(CAMPAIGN_ASSIGNERS, command.assignedBy, 'assignedBy');
  if (!state) refuse('not-opened', 'the campaign has not been launched');
  if (state.matterIds.includes(matterId))
    refuse('case-already-added', `matter ${matterId} is already in the campaign`, 'matterId');
  return [domainEvent('CampaignCaseAdded', at, { campaignId: state.campaignId, matterId, assignedBy })];
}

/** A case cannot be assigned to a campaign before the campaign was launched. */
export function assertNotBeforeLaunch(state: CampaignState | null, at: string): void {
  if (state && instantOf(at).epochMs < instantOf(state.launchedAt).epochMs) {
    refuse(
      'occurred-before-previous-fact',
      `occurredAt ${at} is before the campaign was launched (${state.launchedAt})`,
      'occurredAt',
    );
  }
}

export const campaignDecider: Decider<CampaignCommand, CampaignState | null, FactContext> = {
  initialState: null,
  evolve: evolveCampaign,
  decide: decideCampaign,
};
