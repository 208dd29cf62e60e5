import { apiKeysFeature } from './api-keys';
import { armorFeature } from './armor';
import { auditFeature } from './audit';
import { corsFeature } from './cors';
import { deprecationUsageFeature } from './deprecation-usage';
import type { GatewayFeature } from './feature';
import { errorGroupsFeature } from './error-groups';
import { idempotencyFeature } from './idempotency';
import { limitsFeature } from './limits';
import { mediaFeature } from './media';
import { persistedOperationsFeature } from './persisted-operations';
import { responseCacheFeature } from './response-cache';
import { restFeature } from './rest';
import { studioFeature } from './studio';
import { subscriptionsFeature } from './subscriptions';
import { webhooksFeature } from './webhooks';

/**
 * The features every deployment of the gateway runs, in the order they apply: CORS answers or refuses
 * cross-origin requests before anything else sees them, API keys authenticate
 * before bearer tokens, the persisted-operation rule runs before the edge's document limits (armor) and quotas count, and the
 * response cache answers last. Options come from configuration; pass features of your own to change one.
 */
export function standardFeatures(): GatewayFeature[] {
  return [
    corsFeature(),
    subscriptionsFeature(),
    apiKeysFeature(),
    persistedOperationsFeature(),
    armorFeature(),
    limitsFeature(),
    idempotencyFeature(),
    deprecationUsageFeature(),
    studioFeature(),
    restFeature(),
    mediaFeature(),
    webhooksFeature(),
    responseCacheFeature(),
    errorGroupsFeature(),
    auditFeature(),
  ];
}
