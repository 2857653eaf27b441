import { createHmac } from 'node:crypto';
import { dingTalkSignedUrl, signJsonBody } from './webhook-signing';

describe('webhook signatures', () => {
  it('signs a JSON body with its timestamp, so the same body at another time has another signature', () => {
    const body = '{"unit":"town-a"}';
    const expected = createHmac('sha256', 's3cret').update(`1651190400.${body}`).digest('hex');
    expect(signJsonBody('s3cret', '1651190400', body)).toBe(`sha256=${expected}`);
    expect(signJsonBody('s3cret', '1651190401', body)).not.toBe(signJsonBody('s3cret', '1651190400', body));
    expect(signJsonBody('other', '1651190400', body)).not.toBe(signJsonBody('s3cret', '1651190400', body));
  });

  it("adds DingTalk's timestamp and sign to the robot URL, keeping its access token", () => {
    const url = new URL(
      dingTalkSignedUrl('https://oapi.dingtalk.com/robot/send?access_token=abc', 'SECabc', 1651190400000),
    );
    expect(url.searchParams.get('access_token')).toBe('abc');
    expect(url.searchParams.get('timestamp')).toBe('1651190400000');
    const sign = createHmac('sha256', 'SECabc').update('1651190400000\nSECabc').digest('base64');
    expect(url.searchParams.get('sign')).toBe(sign);
  });
});
