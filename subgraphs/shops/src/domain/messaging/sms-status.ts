import { createHmac, timingSafeEqual } from 'node:crypto';
import { buildEvent, enqueueEvents, type SubgraphRuntime } from '@cip/platform';
import { CustomerMessageRepository } from '../../data/customer-message';

/** Twilio's request signature: HMAC-SHA1 (the auth token) over the callback URL and the sorted form fields. */
export function smsSignature(authToken: string, url: string, form: URLSearchParams): string {
  const fields = [...form.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return createHmac('sha1', authToken).update(url + fields.map(([key, value]) => key + value).join('')).digest('base64');
}

const failedStatuses = new Set(['failed', 'undelivered']);
/** A status callback is a few hundred bytes; this route is reached without the gateway, so it reads no more than this. */
const maxBodyBytes = 16 * 1024;

/**
 * The SMS provider's status callback (`POST /messages/sms-status`, form-encoded `MessageSid`, `MessageStatus`,
 * `ErrorCode`), signed with the auth token over `SMS_STATUS_CALLBACK_URL`. A delivered message turns
 * DELIVERED; a failed or undelivered one FAILED with the provider's error. Statuses only move forward.
 */
export function smsStatusRoute(runtime: SubgraphRuntime, now: () => Date = () => new Date()) {
  return async (request: Request): Promise<Response> => {
    const sms = runtime.config.messaging.sms;
    if (!sms?.statusCallbackUrl) return new Response('Not Found', { status: 404 });
    if (request.method !== 'POST') return new Response('Method Not Allowed', { status: 405, headers: { allow: 'POST' } });
    const body = await request.text();
    if (Buffer.byteLength(body) > maxBodyBytes) return new Response('Payload Too Large', { status: 413 });
    const form = new URLSearchParams(body);
    const expected = Buffer.from(smsSignature(sms.authToken, sms.statusCallbackUrl, form));
    const given = Buffer.from(request.headers.get('x-twilio-signature') ?? '');
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return new Response('Forbidden', { status: 403 });
    const providerId = form.get('MessageSid');
    const status = form.get('MessageStatus') ?? '';
    if (!providerId) return new Response('MessageSid is required', { status: 400 });
    await runtime.db.dataSource.transaction(async (manager) => {
      const messages = new CustomerMessageRepository(manager);
      const message = await messages.findByProviderIdForUpdate(manager, 'SMS', providerId);
      if (!message || message.status !== 'SENT') return;
      const at = now();
      if (status === 'delivered') {
        await messages.update(manager, message.id, { status: 'DELIVERED', deliveredAt: at });
      } else if (failedStatuses.has(status)) {
        const code = form.get('ErrorCode');
        const reason = `The SMS provider reported it ${status}${code ? ` (error ${code})` : ''}.`;
        const failed = await messages.update(manager, message.id, { status: 'FAILED', failedAt: at, failureReason: reason });
        await enqueueEvents(manager, 'shops', [
          buildEvent('customer_message.failed', {
            orgId: failed.orgId,
            shopId: failed.shopId,
            subjectId: failed.id,
            occurredAt: at,
            data: { messageId: failed.id, kind: failed.kind, channel: failed.channel, customerId: failed.customerId, inspectionId: failed.inspectionId, attempts: failed.attempts, failedAt: at.toISOString(), reason },
          }),
        ]);
      }
    });
    return new Response(null, { status: 204 });
  };
}
