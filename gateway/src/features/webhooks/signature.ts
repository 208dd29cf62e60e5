import { createHmac, timingSafeEqual } from 'node:crypto';

/** Headers of every delivery: its id (the same on retries and replays), when it was signed, and the signatures. */
export const webhookHeaders = { id: 'webhook-id', timestamp: 'webhook-timestamp', signature: 'webhook-signature' } as const;

/** How old a delivery's timestamp may be (either way) before a receiver must refuse it as a replay. */
export const signatureToleranceSeconds = 300;

const hmac = (secret: string, timestamp: number | string, body: string) => createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex');

/** `v1=<hex>` per live secret: during a rotation both the new and the previous secret sign, so receivers can switch at leisure. */
export function signDelivery(secrets: string[], timestamp: number, body: string): string {
  return secrets.map((secret) => `v1=${hmac(secret, timestamp, body)}`).join(' ');
}

/**
 * The receiver's check (docs/integration.md): HMAC-SHA256 with the endpoint's secret over
 * `<webhook-timestamp>.<raw body>`, compared in constant time with any `v1=` value of `webhook-signature`,
 * and the timestamp no more than five minutes from now.
 */
export function verifyWebhookSignature(
  input: { secret: string; body: string; timestamp: string | undefined; signature: string | undefined },
  nowSeconds = Math.floor(Date.now() / 1000),
): boolean {
  if (!input.timestamp || !input.signature || !/^\d+$/.test(input.timestamp)) return false;
  if (Math.abs(nowSeconds - Number(input.timestamp)) > signatureToleranceSeconds) return false;
  const expected = Buffer.from(hmac(input.secret, input.timestamp, input.body), 'hex');
  return input.signature.split(' ').some((part) => {
    const [version, value] = part.split('=', 2);
    if (version !== 'v1' || !value || !/^[0-9a-f]{64}$/.test(value)) return false;
    return timingSafeEqual(Buffer.from(value, 'hex'), expected);
  });
}
