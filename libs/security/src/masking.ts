/**
 * Masks shown to roles that may know a petitioner exists but not who they are:
 * 张三丰 → 张**, 13812345678 → 138****5678, 110101199003071234 → 110101********1234.
 */
export function maskName(name: string | null): string | null {
  if (!name) return name;
  const chars = [...name];
  return chars[0] + '*'.repeat(Math.max(1, chars.length - 1));
}

export function maskPhone(phone: string | null): string | null {
  if (!phone) return phone;
  const digits = [...phone];
  if (digits.length <= 4) return '*'.repeat(digits.length);
  if (digits.length < 8) return '*'.repeat(digits.length - 4) + digits.slice(-4).join('');
  return digits.slice(0, 3).join('') + '*'.repeat(digits.length - 7) + digits.slice(-4).join('');
}

export function maskIdNumber(idNumber: string | null): string | null {
  if (!idNumber) return idNumber;
  const chars = [...idNumber];
  if (chars.length <= 10) return '*'.repeat(chars.length);
  return chars.slice(0, 6).join('') + '*'.repeat(chars.length - 10) + chars.slice(-4).join('');
}
