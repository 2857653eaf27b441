import { createHmac } from 'node:crypto';

/** The header carrying the HMAC of a generic JSON reminder: `sha256=<hex>` over `<timestamp>.<body>`. */
export const SIGNATURE_HEADER = 'X-Ledger-Signature';
export const TIMESTAMP_HEADER = 'X-Ledger-Timestamp';
/** The digest's id, the same on every retry, so a receiver can drop a second copy. */
export const DELIVERY_HEADER = 'X-Ledger-Delivery';

/** Signs a generic JSON delivery; the timestamp is in the signed text so a captured request cannot be replayed later. */
export function signJsonBody(secret: string, timestamp: string, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

/**
 * DingTalk's signed robot URL ("加签"): `timestamp` (ms) and `sign`, the
 * URL-encoded base64 HMAC-SHA256 of `timestamp + "\n" + secret` keyed by the secret.
 */
export function dingTalkSignedUrl(url: string, secret: string, timestampMs: number): string {
  const sign = createHmac('sha256', secret).update(`${timestampMs}\n${secret}`).digest('base64');
  const target = new URL(url);
  target.searchParams.set('timestamp', String(timestampMs));
  target.searchParams.set('sign', sign);
  return target.toString();
}
