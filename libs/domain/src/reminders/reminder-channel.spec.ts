import { domainEvent } from '../events/event-catalog';
import { RuleViolation } from '../rules/rule-violation';
import { configureReminderChannel, ConfigureReminderChannel, reminderChannelDecider } from './reminder-channel';

const ctx = { now: '2022-04-28T18:00:00+08:00' };
const sealed = { alg: 'A256GCM', keyId: 'reminder-channels', iv: 'aXY=', ciphertext: 'Y3Q=', tag: 'dGFn' } as const;
const base: ConfigureReminderChannel = {
  type: 'ConfigureReminderChannel',
  channelId: 'town-a-wecom',
  unit: 'town-a',
  format: 'wecom',
  url: 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=K',
  sealedUrl: sealed,
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
  it('records no secret in plaintext: the robot key in the URL is kept only sealed', () => {
    const event = configureReminderChannel(base, ctx);
    expect(JSON.stringify(event)).not.toContain('key=K');
  });

  it('replaces a channel configured again (the latest wins)', () => {
    const first = reminderChannelDecider.decide(base, reminderChannelDecider.initialState, ctx);
    const state = first.reduce(reminderChannelDecider.evolve, reminderChannelDecider.initialState);
    expect(reminderChannelDecider.decide({ ...base, format: 'dingtalk' }, state, ctx)[0].data).toMatchObject({
      format: 'dingtalk',
    });
  });

  it('configures a WeCom robot, a signed DingTalk robot and a signed JSON webhook', () => {
    expect(configureReminderChannel(base, ctx)).toEqual(
      domainEvent('ReminderChannelConfigured', ctx.now, {
        channelId: 'town-a-wecom',
        unit: 'town-a',
        format: 'wecom',
        endpoint: 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send',
        url: sealed,
        secret: null,
      }),
    );
    expect(
      configureReminderChannel(
        { ...base, format: 'dingtalk', url: 'https://oapi.dingtalk.com/robot/send?access_token=T', secret: sealed },
        ctx,
      ).data.secret,
    ).toEqual(sealed);
    expect(
      configureReminderChannel({ ...base, format: 'json', url: 'http://10.0.0.5/hook', secret: sealed }, ctx).data
        .format,
    ).toBe('json');
  });

  it('refuses a JSON channel without a secret, a WeCom one with a secret, an unsealed secret, a non-http URL and a bad id', () => {
    expect(refused({ ...base, format: 'json' })).toBe('secret');
    expect(refused({ ...base, secret: sealed })).toBe('secret');
    expect(refused({ ...base, format: 'json', secret: 'plaintext' as never })).toBe('secret');
    expect(refused({ ...base, url: 'ftp://example.org/x' })).toBe('url');
    expect(refused({ ...base, url: 'not a url' })).toBe('url');
    expect(refused({ ...base, sealedUrl: base.url as never })).toBe('url');
    expect(refused({ ...base, channelId: 'a b' })).toBe('channelId');
    expect(refused({ ...base, format: 'sms' as never })).toBe('format');
  });
});
