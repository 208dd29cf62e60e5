import type { GatewayFeature } from '../feature';
import { idempotencyPlugin } from './plugin';

export interface IdempotencyOptions {
  /** How long the first result of a key is kept and replayed. Default 24 h. */
  ttlSeconds?: number;
}

/**
 * `Idempotency-Key` for mutations: the first result for a key is kept in the shared store (Redis when
 * configured, this process's memory otherwise), scoped by the caller and the key, and a retry with the same
 * key and operation gets it back without running anything again; the same key with another operation or
 * other variables is refused with IDEMPOTENCY_KEY_REUSED.
 */
export function idempotencyFeature(options: IdempotencyOptions = {}): GatewayFeature {
  return {
    name: 'idempotency',
    setup: ({ store }) => ({ plugins: [idempotencyPlugin(store, options.ttlSeconds ?? 86_400)] }),
  };
}
