import type { DataSource } from 'typeorm';
import { consumeEvents, processOnce, type BusSubscription, type CatalogEvent, type EventBus, type Logger } from '@cip/platform/core';
import { ApiKeyRepository } from './repository';

export const apiKeyConsumerGroup = 'gateway.api-keys';
const keyEventTypes = ['partner.api_key_issued', 'partner.api_key_revoked', 'partner.enrollment_changed'] as const;

/** Keeps the gateway's key table in step with the partners subgraph's key and enrollment events. */
export function consumeApiKeyEvents(bus: EventBus, dataSource: DataSource, logger: Logger): Promise<BusSubscription> {
  const apply = (event: CatalogEvent<(typeof keyEventTypes)[number]>) =>
    processOnce(dataSource, 'gateway', apiKeyConsumerGroup, event, async (manager) => {
      const keys = new ApiKeyRepository(manager);
      switch (event.type) {
        case 'partner.api_key_issued':
          await keys.issued(manager, { ...event.data, issuedAt: event.occurredAt });
          await keys.shopsChanged(manager, event.data.partnerId, event.data.shopIds, event.occurredAt);
          return;
        case 'partner.api_key_revoked':
          await keys.revoked(manager, { ...event.data, revokedAt: event.occurredAt });
          return;
        case 'partner.enrollment_changed':
          await keys.shopsChanged(manager, event.data.partnerId, event.data.shopIds, event.occurredAt);
          return;
      }
    });
  return consumeEvents(bus, { group: apiKeyConsumerGroup, from: 'beginning', types: keyEventTypes, logger }, async (event) => {
    await apply(event).catch((error: unknown) => {
      logger.error('could not apply a partner key event', { eventId: event.id, type: event.type, error });
      throw error;
    });
  });
}
