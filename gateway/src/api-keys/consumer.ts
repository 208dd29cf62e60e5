import type { DataSource } from 'typeorm';
import { processOnce, type BusSubscription, type EventBus, type EventEnvelope, type Logger } from '@cip/platform';
import { ApiKeyRepository } from './repository';

export const apiKeyConsumerGroup = 'gateway.api-keys';
const keyEventTypes = new Set(['partner.api_key_issued', 'partner.api_key_revoked', 'partner.enrollment_changed']);

interface KeyIssued {
  keyId: string;
  partnerId: string;
  keyHash: string;
  prefix: string;
  plan: string;
  shopIds: string[];
}

/** Keeps the gateway's key table in step with the partners subgraph's key and enrollment events. */
export function consumeApiKeyEvents(bus: EventBus, dataSource: DataSource, logger: Logger): Promise<BusSubscription> {
  const apply = (event: EventEnvelope) =>
    processOnce(dataSource, 'gateway', apiKeyConsumerGroup, event, async (manager) => {
      const keys = new ApiKeyRepository(manager);
      switch (event.type) {
        case 'partner.api_key_issued': {
          const data = event.data as unknown as KeyIssued;
          await keys.issued(manager, { ...data, issuedAt: event.occurredAt });
          await keys.shopsChanged(manager, data.partnerId, data.shopIds, event.occurredAt);
          return;
        }
        case 'partner.api_key_revoked': {
          const data = event.data as unknown as { keyId: string; partnerId: string };
          await keys.revoked(manager, { ...data, revokedAt: event.occurredAt });
          return;
        }
        case 'partner.enrollment_changed': {
          const data = event.data as unknown as { partnerId: string; shopIds: string[] };
          await keys.shopsChanged(manager, data.partnerId, data.shopIds, event.occurredAt);
          return;
        }
      }
    });
  return bus.consume({ group: apiKeyConsumerGroup, from: 'beginning' }, async (event) => {
    if (!keyEventTypes.has(event.type)) return;
    await apply(event).catch((error: unknown) => {
      logger.error('could not apply a partner key event', { eventId: event.id, type: event.type, error });
      throw error;
    });
  });
}
