/**
 * The masks of libs/security/src/masking.ts, for the browser (the bundle cannot import that
 * library, whose index brings Node's crypto); masking.spec.ts checks that both agree.
 * 张三丰 → 张**, 13812345678 → 138****5678, 110101199003071234 → 110101********1234.
 */
export function maskName(name: string): string {
  const chars = [...name];
  return chars.length ? chars[0] + '*'.repeat(Math.max(1, chars.length - 1)) : '';
}

export function maskPhone(phone: string): string {
  const digits = [...phone];
  if (digits.length <= 4) return '*'.repeat(digits.length);
  if (digits.length < 8) return '*'.repeat(digits.length - 4) + digits.slice(-4).join('');
  return digits.slice(0, 3).join('') + '*'.repeat(digits.length - 7) + digits.slice(-4).join('');
}

export function maskIdNumber(idNumber: string): string {
  const chars = [...idNumber];
  if (chars.length <= 10) return '*'.repeat(chars.length);
  return chars.slice(0, 6).join('') + '*'.repeat(chars.length - 10) + chars.slice(-4).join('');
}
