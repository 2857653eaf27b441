import { Inject, Injectable, OnApplicationShutdown } from '@nestjs/common';
import { APP_CONFIG, AppConfig, Clock, CLOCK, dataFiles } from '@app/runtime';
import { SealedSecret, SecretBox } from '@app/security';
import { CHANNEL_SECRET_KEY, SecretOpener } from './reminder-job';

/**
 * The reminder channels' URLs and secrets, sealed before they reach the ledger and opened
 * only in memory to send. The key is in the keys file of the data directory (beside the
 * petitioners' keys, its own table), never in the log, its exports or a response.
 */
@Injectable()
export class ChannelSecrets implements SecretOpener, OnApplicationShutdown {
  private readonly box: SecretBox;

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {
    this.box = SecretBox.open(dataFiles(config).keys);
  }

  /** Sealed for one channel: the channel id is the associated data, so it cannot be moved to another. */
  seal(channelId: string, plaintext: string): SealedSecret {
    return this.box.seal(CHANNEL_SECRET_KEY, channelId, plaintext, this.clock.now());
  }

  open(sealed: SealedSecret, channelId: string): string {
    return this.box.open(sealed, channelId);
  }

  onApplicationShutdown(): void {
    this.box.close();
  }
}
