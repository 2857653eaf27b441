import { ChannelSecrets } from './channel-secrets';
import { ConfigureChannelHandler } from './configure-channel/configure-channel.handler';
import { GetRemindersHandler } from './get-reminders/reminders.handler';
import { ReminderScheduler } from './reminder-scheduler';

export { ReminderChannelsController, RemindersController } from './reminders.controller';
export { REMINDER_TIMER, ReminderScheduler } from './reminder-scheduler';
export type { ReminderTimer } from './reminder-scheduler';
/** The reminders feature's handlers, its sealed secrets and the daily timer, for the app module to provide. */
export const REMINDER_PROVIDERS = [ChannelSecrets, GetRemindersHandler, ConfigureChannelHandler, ReminderScheduler];
