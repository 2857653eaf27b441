import { Injectable, OnModuleDestroy } from '@nestjs/common';
import { EventBus } from '@nestjs/cqrs';
import { ReadModels } from '../read-models/read-models.service';
import { LedgerEventApplied } from './ledger-event-applied.event';

/**
 * The Nest side of the projection runner's observer port: every event the served read
 * models applied is published on the EventBus as a `LedgerEventApplied`, in log order,
 * after its batch committed. Listeners (the live feed, later the reminders) run beside the
 * runner; a failing one is the bus's to report and never touches the read models.
 */
@Injectable()
export class LedgerNoticePublisher implements OnModuleDestroy {
  private readonly unsubscribe: () => void;

  // Subscribed at construction, before any module starts the runner, so no batch goes untold.
  constructor(readModels: ReadModels, bus: EventBus) {
    this.unsubscribe = readModels.onApplied((events) => {
      for (const event of events) bus.publish(LedgerEventApplied.of(event));
    });
  }

  onModuleDestroy(): void {
    this.unsubscribe();
  }
}
