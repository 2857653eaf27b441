import { Injectable } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import {
  CampaignCommand,
  decideCampaign,
  DomainEvent,
  evolveCampaign,
  FactContext,
  holdMeeting,
  instantOf,
  parseInstant,
  recordAccountabilityAction,
  recordReception,
  recordRiskAssessment,
  recordScreening,
  RuleViolation,
  upcastEvent,
} from '@app/domain';
import { EventEnvelope } from '@app/ledger';
import { UnitDirectory } from '../units/unit-directory';
import { LedgerWriter, WriteResult } from '../writes/ledger-writer';
import { WriteContext } from '../writes/write-context';
import {
  AccountabilityDto,
  CampaignCaseDto,
  CampaignDto,
  MeetingDto,
  ReceptionDto,
  RiskAssessmentDto,
  ScreeningDto,
} from './facts.dto';
import { MatterDirectory } from './matter-directory';

/**
 * The facts outside matters (API.md "Other facts"), through the domain's validators and
 * the one write path. Receptions, screenings, risk assessments and accountability actions
 * are one stream per fact with a generated id; campaigns and meetings are `campaign-<id>`
 * and `meeting-<id>`. The domain checks the command first (400 for malformed input), then
 * the units and matters it names must exist (422), then it is written.
 */
@Injectable()
export class FactCommands {
  constructor(
    private readonly writer: LedgerWriter,
    private readonly units: UnitDirectory,
    private readonly matters: MatterDirectory,
  ) {}

  reception(ctx: WriteContext, body: ReceptionDto): Promise<WriteResult> {
    const event = recordReception({ type: 'RecordReception', ...body }, now());
    return this.single(ctx, 'reception', 'RC', event);
  }

  async screening(ctx: WriteContext, body: ScreeningDto): Promise<WriteResult> {
    const event = recordScreening({ type: 'RecordScreening', ...body }, now());
    await this.units.require(event.data.unit, 'unit');
    return this.single(ctx, 'screening', 'SC', event);
  }

  riskAssessment(ctx: WriteContext, body: RiskAssessmentDto): Promise<WriteResult> {
    const event = recordRiskAssessment({ type: 'RecordRiskAssessment', ...body }, now());
    // `risk_assessment-<id>`: the writer takes the id as what follows the first dash.
    return this.single(ctx, 'risk_assessment', 'RA', event);
  }

  async accountability(ctx: WriteContext, body: AccountabilityDto): Promise<WriteResult> {
    const event = recordAccountabilityAction({ type: 'RecordAccountabilityAction', ...body }, now());
    await this.units.require(event.data.unit, 'unit');
    for (const [i, matterId] of (event.data.grounds.matters ?? []).entries()) {
      await this.matters.require(matterId, `grounds.matters[${i}]`);
    }
    return this.single(ctx, 'accountability', 'AC', event);
  }

  async meeting(ctx: WriteContext, body: MeetingDto): Promise<WriteResult> {
    const { id, ...rest } = body;
    const meetingId = id ?? generateId('MT');
    const event = holdMeeting({ type: 'HoldMeeting', meetingId, ...rest }, now());
    for (const [i, d] of event.data.decisions.entries()) {
      await this.matters.require(d.matterId, `decisions[${i}].matterId`);
      await this.units.require(d.unit, `decisions[${i}].unit`);
    }
    return this.writer.write(ctx, {
      id: meetingId,
      stream: `meeting-${meetingId}`,
      expect: 'new',
      noun: 'meeting',
      decide: () => [event],
    });
  }

  launchCampaign(ctx: WriteContext, body: CampaignDto): Promise<WriteResult> {
    const command: CampaignCommand = {
      type: 'LaunchCampaign',
      campaignId: body.id,
      name: body.name,
      targets: body.targets,
    };
    const at = instantNotLater(body.occurredAt);
    // Validate before the stream is read, so malformed input is a 400 even for an existing id.
    decideCampaign(command, null, { now: at });
    return this.writer.write(ctx, {
      id: body.id,
      stream: `campaign-${body.id}`,
      expect: 'new',
      noun: 'campaign',
      decide: (history) => decideCampaign(command, foldCampaign(history), { now: at }),
    });
  }

  addCampaignCase(ctx: WriteContext, campaignId: string, body: CampaignCaseDto): Promise<WriteResult> {
    const command: CampaignCommand = { type: 'AddCampaignCase', matterId: body.matterId, assignedBy: body.assignedBy };
    const at = instantNotLater(body.occurredAt);
    return this.writer.write(ctx, {
      id: campaignId,
      stream: `campaign-${campaignId}`,
      expect: 'existing',
      noun: 'campaign',
      decide: async (history) => {
        const launched = history[0].occurredAt;
        if (instantOf(at).epochMs < instantOf(launched).epochMs) {
          throw new RuleViolation(
            'occurred-before-previous-fact',
            `occurredAt ${at} is before the campaign was launched (${launched})`,
            'occurredAt',
          );
        }
        await this.matters.require(body.matterId, 'matterId');
        return decideCampaign(command, foldCampaign(history), { now: at });
      },
    });
  }

  private single(ctx: WriteContext, kind: string, prefix: string, event: DomainEvent): Promise<WriteResult> {
    const id = generateId(prefix);
    return this.writer.write(ctx, {
      id,
      stream: `${kind}-${id}`,
      expect: 'new',
      noun: kind.replace('_', ' '),
      decide: () => [event],
    });
  }
}

const now = (): FactContext => ({ now: new Date().toISOString() });

function foldCampaign(history: EventEnvelope[]) {
  return history.map((e) => upcastEvent(e)).reduce(evolveCampaign, null);
}

/**
 * The domain's campaign decider dates its events `ctx.now`. A campaign or a case is
 * often entered after the higher level assigned it, so it may be back-dated like any
 * fact: the decider is run "as at" the given instant, once that is known not to be in
 * the future.
 */
function instantNotLater(occurredAt: string | undefined): string {
  const current = new Date().toISOString();
  if (occurredAt === undefined) return current;
  const parsed = parseInstant(occurredAt);
  if (!parsed.ok) throw new RuleViolation('occurred-at-invalid', parsed.error.message, 'occurredAt');
  if (parsed.value.epochMs > instantOf(current).epochMs) {
    throw new RuleViolation(
      'occurred-in-future',
      `occurredAt ${occurredAt} is later than now (${current})`,
      'occurredAt',
    );
  }
  return occurredAt;
}

/** e.g. RC20221127-k3J9vQ2m: the kind, the day it was recorded and 48 random bits. */
function generateId(prefix: string): string {
  const day = new Date().toISOString().slice(0, 10).replace(/-/g, '');
  return `${prefix}${day}-${randomBytes(6).toString('base64url')}`;
}
