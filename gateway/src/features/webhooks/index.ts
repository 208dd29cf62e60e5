import { flagDefinition, startRetention, type EventEnvelope, type FlagDefinition, type TokenSigner } from '@cip/platform/core';
import { allowGeneratedOperation } from '../persisted-operations/plugin';
import type { GatewayFeature, GatewayHandle } from '../feature';
import { registrantAuthority } from './authority';
import { webhookCatalog, type WebhookEventType } from './catalog';
import { startWebhookDispatcher, type WebhookDispatcher } from './dispatcher';
import { Webhooks1764300000001 } from './migrations/1764300000001-webhooks';
import { WebhookPause1764300000002 } from './migrations/1764300000002-webhook-pause';
import { WebhookRepository, type WebhookEndpoint } from './repository';
import { selectionQuery, webhooksRoute } from './route';

export interface WebhooksOptions {
  /**
   * First retry delay of a failed delivery; each further retry waits twice as long. Without it, the dynamic setting
   * `webhooks.retry-schedule` while operators store one, else `WEBHOOK_RETRY_BASE_MS`.
   */
  retryBaseMs?: number;
  /** Failed attempts in a row before an endpoint is disabled and its owner told. Default `WEBHOOK_DISABLE_AFTER_FAILURES`. */
  disableAfterFailures?: number;
  /** Deliver to loopback and private-network addresses too. Default `WEBHOOK_ALLOW_PRIVATE_TARGETS` (off in production). */
  allowPrivateTargets?: boolean;
}

const retrySetting = flagDefinition('webhooks.retry-schedule') as FlagDefinition<{ firstDelayMs: number; maxDelayMs: number; windowMs: number }>;

/** Runs an endpoint's selection for an event as the endpoint's owner (with the roles they hold now), through the gateway's own execution. */
const shapeWith = (gateway: GatewayHandle, signer: TokenSigner) => async (endpoint: WebhookEndpoint, type: WebhookEventType, event: EventEnvelope) => {
  const { token } = await signer.sign(endpoint.owner as never, 60);
  const context = await gateway.contextFor({ authorization: `Bearer ${token}` });
  allowGeneratedOperation(context);
  const response = await gateway.execute({ query: selectionQuery(type, endpoint.selection!), variables: { id: event.subject.id } }, context);
  return response.body.kind === 'single' ? response.body.singleResult.data?.[type.lookupField!] : undefined;
};

/**
 * Webhooks: one event type per subscription field, the registration API under `/webhooks/v1`, and a
 * dispatcher that turns bus events into signed, retried, logged deliveries (durable rows in the gateway's
 * schema, shared by every replica).
 */
export function webhooksFeature(options: WebhooksOptions = {}): GatewayFeature {
  return {
    name: 'webhooks',
    migrations: [Webhooks1764300000001, WebhookPause1764300000002],
    setup({ config, database, bus, logger, signer, gateway, flags }) {
      const dataSource = database();
      const allowPrivateTargets = options.allowPrivateTargets ?? config.webhooks.allowPrivateTargets;
      let dispatcher: WebhookDispatcher | undefined;
      const authority = registrantAuthority(gateway, signer);
      const finished = `status IN ('delivered', 'failed') AND created_at < $1`;
      const days = config.retention.webhookDeliveriesDays;
      const retention = startRetention({
        query: (sql, parameters) => dataSource.query(sql, parameters),
        rules: [
          { table: 'gateway.webhook_attempt', expired: `delivery_id IN (SELECT id FROM gateway.webhook_delivery WHERE ${finished})`, days },
          { table: 'gateway.webhook_delivery', expired: finished, days },
        ],
        intervalMs: config.retention.intervalMs,
        logger,
      });
      return {
        routes: [webhooksRoute(gateway, new WebhookRepository(dataSource.manager), { allowPrivateTargets, authority })],
        async attach() {
          dispatcher = await startWebhookDispatcher({
            dataSource,
            bus,
            logger,
            catalog: webhookCatalog(gateway.supergraph().apiSchema),
            retryBaseMs: options.retryBaseMs ?? config.webhooks.retryBaseMs,
            ...(options.retryBaseMs === undefined ? { retrySchedule: () => flags.stored(retrySetting) } : {}),
            disableAfterFailures: options.disableAfterFailures ?? config.webhooks.disableAfterFailures,
            allowPrivateTargets,
            shape: shapeWith(gateway, signer),
            authority,
          });
        },
        async close() {
          await retention.stop();
          await dispatcher?.stop();
        },
      };
    },
  };
}
