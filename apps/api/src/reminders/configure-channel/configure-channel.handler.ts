import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { ConfigureReminderChannel, reminderChannelDecider, streams } from '@app/domain';
import { BUREAU_UNIT } from '@app/projections';
import { Clock, CLOCK } from '@app/runtime';
import { UnitDirectory } from '../../units/unit-directory';
import { LedgerWriter, WriteResult } from '../../writes/ledger-writer';
import { ChannelSecrets } from '../channel-secrets';
import { ConfigureChannelCommand } from './configure-channel.command';

@CommandHandler(ConfigureChannelCommand)
export class ConfigureChannelHandler implements ICommandHandler<ConfigureChannelCommand, WriteResult> {
  constructor(
    private readonly writer: LedgerWriter,
    private readonly units: UnitDirectory,
    private readonly secrets: ChannelSecrets,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ ctx, body }: ConfigureChannelCommand): Promise<WriteResult> {
    const channelId = body.id ?? `${body.unit}-${body.format}`;
    // The URL and the secret are sealed here, before the command is decided: the domain
    // and the ledger only ever see ciphertext (and the URL's endpoint without its query).
    const command: ConfigureReminderChannel = {
      type: 'ConfigureReminderChannel',
      channelId,
      unit: body.unit,
      format: body.format,
      url: body.url,
      sealedUrl: this.secrets.seal(channelId, body.url),
      secret: body.secret === undefined ? null : this.secrets.seal(channelId, body.secret),
    };
    const context = { now: this.clock.now().toISOString() };
    // Bad input is a 400 before the unit is looked up (422 when it does not exist).
    reminderChannelDecider.decide(command, reminderChannelDecider.initialState, context);
    if (body.unit !== BUREAU_UNIT) await this.units.require(body.unit, 'unit');
    return this.writer.decideAndWrite(ctx, {
      stream: streams.reminderChannel(channelId),
      expect: 'any',
      noun: 'reminder channel',
      decider: reminderChannelDecider,
      command,
      context,
    });
  }
}
