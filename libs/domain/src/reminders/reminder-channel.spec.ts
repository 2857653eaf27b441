import { domainEvent } from '../events/event-catalog';
import { RuleViolation } from '../rules/rule-violation';
import { configureReminderChannel, ConfigureReminderChannel } from './reminder-channel';

const ctx = { now: '2022-04-28T18:00:00+08:00' };
const base: ConfigureReminderChannel = {
  type: 'ConfigureReminderChannel',
  channelId: 'town-a-wecom',
  unit: 'town-a',
  format: 'wecom',
  url: 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=K',
};

function refused(command: ConfigureReminderChannel): string | undefined {
  try {
    configureReminderChannel(command, ctx);
  } catch (e) {
    expect(e).toBeInstanceOf(RuleViolation);
    return (e as RuleViolation).field;
  }
  throw new Error('expected a refusal');
}

describe('reminder channels', () => {
  it('configures a WeCom robot, a signed DingTalk robot and a signed JSON webhook', () => {
    expect(configureReminderChannel(base, ctx)).toEqual(
      domainEvent('ReminderChannelConfigured', ctx.now, {
        channelId: 'town-a-wecom',
        unit: 'town-a',
        format: 'wecom',
        url: 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=K',
        secret: null,
      }),
    );
    expect(
      configureReminderChannel(
        { ...base, format: 'dingtalk', url: 'https://oapi.dingtalk.com/robot/send?access_token=T', secret: 'SEC1' },
        ctx,
      ).data.secret,
    ).toBe('SEC1');
    expect(
      configureReminderChannel({ ...base, format: 'json', url: 'http://10.0.0.5/hook', secret: 's' }, ctx).data.format,
    ).toBe('json');
  });

  it('refuses a JSON channel without a secret, a WeCom one with a secret, a non-http URL and a bad id', () => {
    expect(refused({ ...base, format: 'json' })).toBe('secret');
    expect(refused({ ...base, secret: 'x' })).toBe('secret');
    expect(refused({ ...base, url: 'ftp://example.org/x' })).toBe('url');
    expect(refused({ ...base, url: 'not a url' })).toBe('url');
    expect(refused({ ...base, channelId: 'a b' })).toBe('channelId');
    expect(refused({ ...base, format: 'sms' as never })).toBe('format');
  });
});
