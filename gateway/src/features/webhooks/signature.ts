import { randomBytes } from 'node:crypto';
import { Webhook } from 'standardwebhooks';

/** Headers of every delivery (Standard Webhooks): its id (the same on retries and replays), when it was signed, and the signatures. */
export const webhookHeaders = { id: 'webhook-id', timestamp: 'webhook-timestamp', signature: 'webhook-signature' } as const;

/** A new endpoint secret: `whsec_` and 32 random bytes in base64, the form every Standard Webhooks library reads. */
export const newWebhookSecret = () => `whsec_${randomBytes(32).toString('base64')}`;

/**
 * Node's base64 decoder also reads the url-safe alphabet, so endpoints registered before secrets were
 * standard base64 keep their key; the library's own decoder would refuse those secrets.
 */
const signer = (secret: string) => new Webhook(Buffer.from(secret.replace(/^whsec_/, ''), 'base64'), { format: 'raw' });

/**
 * The `webhook-signature` header: `v1,<base64 HMAC-SHA256 of "<id>.<timestamp>.<body>">` per live secret,
 * space-separated. During a rotation both the new and the previous secret sign, so a receiver can switch
 * at leisure.
 */
export function signDelivery(secrets: string[], delivery: { id: string; timestamp: Date; body: string }): string {
  return secrets.map((secret) => signer(secret).sign(delivery.id, delivery.timestamp, delivery.body)).join(' ');
}
