import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, IsUrl, Length, Matches } from 'class-validator';
import { REMINDER_FORMATS, ReminderFormat } from '@app/domain';

/** `POST /reminder-channels` (admin): where a unit's daily digest (日提醒) is posted. */
export class ConfigureChannelDto {
  @ApiPropertyOptional({
    example: 'town-a-wecom',
    description: 'the channel id; default `<unit>-<format>`. Configuring an id again replaces that channel.',
  })
  @IsOptional()
  @Matches(/^[A-Za-z0-9_-]{1,64}$/, { message: 'must be 1-64 letters, digits, - or _' })
  id?: string;

  @ApiProperty({
    example: 'town-a',
    description: 'the unit whose digest goes here; `bureau` for the bureau’s own duties',
  })
  @Matches(/^[A-Za-z0-9_-]{1,64}$/, { message: 'must be a unit code' })
  unit!: string;

  @ApiProperty({
    enum: REMINDER_FORMATS,
    example: 'wecom',
    description: '`json` (signed with X-Ledger-Signature), `wecom` or `dingtalk` group-robot markdown',
  })
  @IsIn(REMINDER_FORMATS)
  format!: ReminderFormat;

  @ApiProperty({
    example: 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=…',
    description: 'http(s) webhook URL',
  })
  @IsUrl(
    { protocols: ['http', 'https'], require_protocol: true, require_tld: false },
    { message: 'must be an http(s) URL' },
  )
  @Length(1, 2000)
  url!: string;

  @ApiPropertyOptional({
    description:
      'HMAC key (required for `json`), DingTalk 加签 secret (optional), none for `wecom`. Stored sealed, never returned.',
    writeOnly: true,
  })
  @IsOptional()
  @IsString()
  @Length(1, 500)
  secret?: string;
}
