/**
 * Strict standard base64 (RFC 4648 section 4, padded). Buffer.from(s, 'base64')
 * silently skips junk and accepts missing padding; signed bytes must have
 * exactly one text form, so anything that does not round-trip is rejected.
 */
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

export function decodeBase64Strict(text: string): Buffer | undefined {
  if (!BASE64.test(text)) return undefined;
  const bytes = Buffer.from(text, 'base64');
  return bytes.toString('base64') === text ? bytes : undefined;
}
