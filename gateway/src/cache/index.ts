import type { GatewayDeps, GatewayFeature } from '../server';
import { responseCachePlugins } from './response-cache';

/** Whole-response caching of staff reads, in the shared store; see response-cache.ts. */
export async function responseCacheFeature(deps: GatewayDeps): Promise<GatewayFeature> {
  return { options: { plugins: responseCachePlugins(deps.store) } };
}
