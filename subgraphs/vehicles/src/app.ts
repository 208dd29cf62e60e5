import { createSubgraphApp, type SubgraphApp, type SubgraphDefinition, type SubgraphRuntime } from '@cip/platform';
import { createContext } from './context';
import { DecodedVinEntity } from './data/decoded-vin';
import { MileageReadingEntity } from './data/mileage-reading';
import { TemplateOverrideEntity } from './data/template-override';
import { VehicleEntity } from './data/vehicle';
import { defaultDecoderTiming, VinDecoder } from './decoding/decoder';
import { openOfflineDecoder, type OfflineDecoder } from './decoding/offline';
import { defaultVpicOptions, VpicClient, type VpicClientOptions } from './decoding/vpic-client';
import { applyLateFill } from './domain/late-fill';
import { createServices } from './domain/services';
import { Initial1764208800000 } from './migrations/1764208800000-initial';
import { schema } from './schema';

export { schema };

export interface VehiclesOptions {
  /** vPIC client tuning: timeout, retries, back-off, rate limit, breaker thresholds. */
  vpic?: Partial<Omit<VpicClientOptions, 'baseUrl' | 'logger' | 'breaker'>> & { breaker?: Partial<VpicClientOptions['breaker']> };
  /** Use the vPIC API at all (default true, except that tests never call the public host). */
  online?: boolean;
  /** Use the offline decoder (default true). */
  offline?: boolean;
  onlineWaitMs?: number;
  hotTtlSeconds?: number;
  refillAfterSeconds?: number;
  /**
   * Check each new vehicle's customer with the shops subgraph, as the caller (default true). Off only in
   * this subgraph's own tests, which run it without shops; every test through the gateway checks.
   */
  checkCustomers?: boolean;
}

export interface VehiclesApp extends SubgraphApp {
  decoder: VinDecoder;
}

/** A VIN any test may decode without touching caches, to warm the offline data's pages at start. */
const warmUpVin = '1FTMW1T88MFA00001';

const publicVpicHost = 'vpic.nhtsa.dot.gov';

/** Vehicles, VIN decoding (cache, offline vPIC data, the vPIC API) and inspection template selection. */
export function createVehiclesSubgraph(options: VehiclesOptions = {}): SubgraphDefinition {
  return {
    name: 'vehicles',
    entities: [VehicleEntity, MileageReadingEntity, DecodedVinEntity, TemplateOverrideEntity],
    migrations: [Initial1764208800000],
    async createApp(runtime): Promise<VehiclesApp> {
      const offline = options.offline === false ? null : await openOffline(runtime);
      const online = onlineEnabled(runtime, options)
        ? new VpicClient({
            ...defaultVpicOptions,
            ...options.vpic,
            breaker: { ...defaultVpicOptions.breaker, ...options.vpic?.breaker },
            baseUrl: runtime.config.vpicBaseUrl,
            logger: runtime.logger,
          })
        : null;
      const decoder = new VinDecoder({
        offline,
        online,
        store: runtime.store,
        dataSource: runtime.db.dataSource,
        logger: runtime.logger,
        onlineWaitMs: options.onlineWaitMs ?? defaultDecoderTiming.onlineWaitMs,
        hotTtlSeconds: options.hotTtlSeconds ?? defaultDecoderTiming.hotTtlSeconds,
        refillAfterSeconds: options.refillAfterSeconds ?? defaultDecoderTiming.refillAfterSeconds,
        onLateFill: (decoded) => applyLateFill(runtime, decoded),
      });
      const services = createServices(runtime, decoder, { checkCustomers: options.checkCustomers });
      const app = createSubgraphApp(runtime, {
        schema,
        context: ({ principal, request }) => createContext(runtime, decoder, services, principal, request.headers.get('authorization')),
        async start() {
          await offline?.decode(warmUpVin, null).catch(() => null);
        },
        stop: () => decoder.close(),
      });
      return { ...app, decoder };
    },
  };
}

export const vehiclesSubgraph = createVehiclesSubgraph();

async function openOffline(runtime: SubgraphRuntime): Promise<OfflineDecoder | null> {
  try {
    return await openOfflineDecoder({ dataDir: runtime.config.dataDir });
  } catch (error) {
    runtime.logger.error('offline VIN data unavailable; decoding from the vPIC API only', { error });
    return null;
  }
}

/** Tests must never reach NHTSA: under NODE_ENV=test the public host is not called unless a double is configured. */
function onlineEnabled(runtime: SubgraphRuntime, options: VehiclesOptions): boolean {
  if (options.online === false) return false;
  const host = new URL(runtime.config.vpicBaseUrl).hostname;
  return !(runtime.config.env === 'test' && host === publicVpicHost);
}
