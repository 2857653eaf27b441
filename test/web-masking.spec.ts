import * as library from '@app/security';
import { maskIdNumber, maskName, maskPhone } from '../apps/web/src/core/masking';

describe("the web UI's masks of personal data agree with the server's (libs/security)", () => {
  it.each(['张三丰', '李', '欧阳娜娜', 'Ann'])('name %s', (name) => {
    expect(maskName(name)).toBe(library.maskName(name));
  });
  it.each(['13812345678', '1234', '1234567', '0371-6612345'])('phone %s', (phone) => {
    expect(maskPhone(phone)).toBe(library.maskPhone(phone));
  });
  it.each(['11010119900307123X', '1234567890', '110101900307123'])('ID number %s', (id) => {
    expect(maskIdNumber(id)).toBe(library.maskIdNumber(id));
  });
  it('show no more than the first and last characters', () => {
    expect(maskName('张三丰')).toBe('张**');
    expect(maskPhone('13812345678')).toBe('138****5678');
    expect(maskIdNumber('11010119900307123X')).toBe('110101********123X');
  });
});
