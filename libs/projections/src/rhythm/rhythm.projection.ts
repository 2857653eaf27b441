import { canonicalJson, EventEnvelope, type Projection } from '@app/ledger';
import { prepared } from '../prepared';
import { ClockSettings, EventDataMap, localDateOf, upcast } from '@app/domain';

/** Matter events the rhythm needs beyond the fact tables: evaluations, case owners, and what units did. */
const ACTS = new Set([
  'SatisfactionEvaluated',
  'OwnerAssigned',
  'HandlingActionRecorded',
  'AcceptanceDecided',
  'ReplyIssued',
  'MatterResolved',
  'RemitReturned',
]);

function actColumns(event: EventEnvelope): { unit: string | null; value: string | null; of: string | null } {
  const d = upcast(event.type, event.version, event.data) as Record<string, unknown>;
  switch (event.type) {
    case 'SatisfactionEvaluated': {
      const e = d as unknown as EventDataMap['SatisfactionEvaluated'];
      return { unit: null, value: e.result, of: e.of };
    }
    case 'OwnerAssigned':
      return { unit: null, value: (d as unknown as EventDataMap['OwnerAssigned']).leader, of: null };
    case 'HandlingActionRecorded':
      return { unit: String(d.unit), value: String(d.kind), of: null };
    case 'MatterResolved':
      return { unit: null, value: null, of: null };
    default:
      return { unit: typeof d.unit === 'string' ? d.unit : null, value: null, of: null };
  }
}

/**
 * The rhythm's own read model, beside the fact tables it reuses
 * (`fact_contacts`, `fact_milestones`, `fact_matter_versions`, `fact_resolutions`,
 * campaigns, meetings, accountability). Every row keeps the position of its
 * event, so "as known at P" is `position <= P`:
 *
 * - `rhythm_acts`: evaluations (满意度), case owners (包案), and the acts of units
 *   on matters (evidence that a meeting's decision was carried out);
 * - `rhythm_rules`: every adopted ranking rule version;
 * - `rhythm_publications`: every published ranking and bulletin, with the
 *   event's data in canonical JSON, so its content is served byte for byte.
 */
export function rhythmProjection(settings: Pick<ClockSettings, 'timeZone'>): Projection {
  return {
    name: 'rhythm',
    version: 1,
    schema: `
      CREATE TABLE IF NOT EXISTS rhythm_acts (
        position INTEGER PRIMARY KEY, matter_id TEXT NOT NULL, type TEXT NOT NULL, unit TEXT, value TEXT, of_answer TEXT,
        occurred_at TEXT NOT NULL, occurred_on TEXT NOT NULL
      );
      CREATE INDEX IF NOT EXISTS rhythm_acts_by_type ON rhythm_acts (type, occurred_on);
      CREATE INDEX IF NOT EXISTS rhythm_acts_by_matter ON rhythm_acts (matter_id, position);
      CREATE TABLE IF NOT EXISTS rhythm_rules (
        position INTEGER PRIMARY KEY, rule_id TEXT NOT NULL, version INTEGER NOT NULL, adopted_at TEXT NOT NULL,
        adopted_on TEXT NOT NULL, rule TEXT NOT NULL, UNIQUE (rule_id, version)
      );
      CREATE TABLE IF NOT EXISTS rhythm_publications (
        position INTEGER PRIMARY KEY, kind TEXT NOT NULL, period TEXT NOT NULL, event_id TEXT NOT NULL,
        recorded_at TEXT NOT NULL, actor TEXT NOT NULL, data TEXT NOT NULL, UNIQUE (kind, period)
      );`,
    apply(event: EventEnvelope, { db }) {
      if (event.stream.startsWith('matter-') && ACTS.has(event.type)) {
        const { unit, value, of } = actColumns(event);
        prepared(
          db,
          `INSERT OR REPLACE INTO rhythm_acts (position, matter_id, type, unit, value, of_answer, occurred_at, occurred_on)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
        ).run(
          event.position,
          event.stream.slice('matter-'.length),
          event.type,
          unit,
          value,
          of,
          event.occurredAt,
          localDateOf(event.occurredAt, settings.timeZone),
        );
        return;
      }
      if (event.type === 'RankingRuleAdopted') {
        const d = upcast('RankingRuleAdopted', event.version, event.data);
        prepared(
          db,
          `INSERT OR REPLACE INTO rhythm_rules (position, rule_id, version, adopted_at, adopted_on, rule) VALUES (?, ?, ?, ?, ?, ?)`,
        ).run(
          event.position,
          d.ruleId,
          d.version,
          event.occurredAt,
          localDateOf(event.occurredAt, settings.timeZone),
          canonicalJson(d),
        );
        return;
      }
      if (event.type === 'RankingPublished' || event.type === 'BulletinPublished') {
        const d = upcast(event.type, event.version, event.data);
        prepared(
          db,
          `INSERT OR REPLACE INTO rhythm_publications (position, kind, period, event_id, recorded_at, actor, data) VALUES (?, ?, ?, ?, ?, ?, ?)`,
        ).run(
          event.position,
          event.type === 'RankingPublished' ? 'ranking' : 'bulletin',
          d.period,
          event.eventId,
          event.recordedAt,
          canonicalJson(event.actor),
          canonicalJson(d),
        );
      }
    },
  };
}
