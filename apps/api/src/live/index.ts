import { LedgerNoticePublisher } from './ledger-notice.publisher';
import { LiveFeed } from './live-feed';

export { LedgerEventApplied } from './ledger-event-applied.event';
export { LiveController } from './live.controller';
export { LiveFeed } from './live-feed';

/** The post-commit publisher (read models → EventBus) and the feed of `GET /live` listening on the bus. */
export const LIVE_PROVIDERS = [LedgerNoticePublisher, LiveFeed];
