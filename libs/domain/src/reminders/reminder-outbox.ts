import { REMINDER_FORMATS } from './reminder-messages';
import type { ReminderDeliveredData, ReminderDigestRecordedData } from '../events/activity-events';
import { DomainEvent, domainEvent } from '../events/event-catalog';
import { oneOf, refuse, requiredText } from '../matter/command-checks';
import type { FactContext } from '../facts/record-facts';
import type { UnitDigest } from './daily-digest';
import { streams } from '../streams';

/**
 * The durable outbox of the daily reminder: stream `reminder-<unit>-<date>`.
 * The digest is recorded before anything is sent, with the channels it is
 * for; each channel's acknowledgement is a later event. What is recorded and
 * not yet acknowledged is what a (re)started sender sends.
 */
export interface ReminderState {
  readonly digest: UnitDigest;
  readonly channels: readonly string[];
  readonly delivered: readonly string[];
}

export interface RecordReminderDigest {
  readonly type: 'RecordReminderDigest';
  readonly digest: UnitDigest;
  readonly channels: readonly { readonly channelId: string; readonly format: string }[];
}

export interface MarkReminderDelivered {
  readonly type: 'MarkReminderDelivered';
  readonly channelId: string;
  readonly attempts: number;
}

export type ReminderCommand = RecordReminderDigest | MarkReminderDelivered;

export function evolveReminder(state: ReminderState | null, event: DomainEvent): ReminderState | null {
  if (event.type === 'ReminderDigestRecorded') {
    return { digest: event.data.digest, channels: event.data.channels.map((c) => c.channelId), delivered: [] };
  }
  if (event.type === 'ReminderDelivered' && state) {
    return { ...state, delivered: [...state.delivered, event.data.channelId] };
  }
  return state;
}

/**
 * Recording the same unit and day again, or acknowledging a channel twice,
 * decides nothing (no event, no error): the sender may run again after a
 * restart, and the outcome must be the same.
 */
export function decideReminder(command: ReminderCommand, state: ReminderState | null, ctx: FactContext): DomainEvent[] {
  if (command.type === 'RecordReminderDigest') {
    if (state) return [];
    if (!Array.isArray(command.channels) || command.channels.length === 0) {
      refuse('value-required', 'a digest is recorded for at least one channel', 'channels');
    }
    const channels: ReminderDigestRecordedData['channels'] = command.channels.map((c, i) => ({
      channelId: requiredText(c.channelId, `channels[${i}].channelId`),
      format: oneOf(REMINDER_FORMATS, c.format, `channels[${i}].format`),
    }));
    return [domainEvent('ReminderDigestRecorded', ctx.now, { digest: command.digest, channels })];
  }
  if (!state) refuse('not-opened', 'no digest was recorded for this unit and day');
  if (!state.channels.includes(command.channelId)) {
    refuse('value-invalid', `the digest was not for channel ${command.channelId}`, 'channelId');
  }
  if (state.delivered.includes(command.channelId)) return [];
  const data: ReminderDeliveredData = { channelId: command.channelId, attempts: command.attempts };
  return [domainEvent('ReminderDelivered', ctx.now, data)];
}

export const reminderDecider = {
  decide: decideReminder,
  evolve: evolveReminder,
  initialState: null as ReminderState | null,
};

/** The stream of one unit's digest for one day. */
export const reminderStream = (unit: string, date: string): string => streams.reminder(unit, date).name;
