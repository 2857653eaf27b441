import { maskIdNumber, maskName, maskPhone } from './masking';

describe('masking personal data', () => {
  it('keeps the family name only', () => {
    expect(maskName('张三')).toBe('张*');
    expect(maskName('张三丰')).toBe('张**');
    expect(maskName('欧阳')).toBe('欧*');
    expect(maskName('李')).toBe('李*');
  });

  it('keeps the first three and last four digits of a phone number', () => {
    expect(maskPhone('13812345678')).toBe('138****5678');
    expect(maskPhone('1234')).toBe('****');
    expect(maskPhone('1234567')).toBe('***4567');
  });

  it('keeps the region code and last four characters of an ID number', () => {
    expect(maskIdNumber('11010119900307123X')).toBe('110101********123X');
    expect(maskIdNumber('123')).toBe('***');
  });

  it('passes absent values through', () => {
    expect(maskName(null)).toBeNull();
    expect(maskPhone('')).toBe('');
  });
});
