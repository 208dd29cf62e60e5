import { createSubgraphApp, eventConsumer, type SubgraphApp, type SubgraphDefinition, type SubgraphRuntime } from '@cip/platform';
import { createContext } from './context';
import { InspectionEntity, InspectionItemEntity } from './data/inspection';
import { InspectionMediaEntity } from './data/media';
import { RecommendationEntity } from './data/recommendation';
import { TemplateEntity, TemplateVersionEntity } from './data/template';
import { ShopRateEntity } from './data/shop-rate';
import { VehicleTemplateEntity } from './data/vehicle-template';
import { createRepositories } from './data/repositories';
import { createLiveUpdates } from './domain/live';
import { createServices } from './domain/services';
import { projectShopRate, shopRateEventTypes, shopRatesGroup } from './domain/shop-rates';
import { projectVehicleTemplate, vehicleTemplateEventTypes, vehicleTemplatesGroup } from './domain/vehicle-templates';
import { Initial1764205200000 } from './migrations/1764205200000-initial';
import { Pricing1764900000000 } from './migrations/1764900000000-pricing';
import { ShareGrant1764903600000 } from './migrations/1764903600000-share-grant';
import { ReportLayout1764990000000 } from './migrations/1764990000000-report-layout';
import { ShareOpening1765000000000 } from './migrations/1765000000000-share-opening';
import { MediaVariants1765200000000 } from './migrations/1765200000000-media-variants';
import { schema } from './schema';
import { configuredStore } from './storage/configured';
import { mediaRoutes } from './storage/routes';
import { signedMediaUrls } from './storage/signed-urls';
import type { MediaStore } from './storage/store';

export { schema };

export interface InspectionsOptions {
  /** Where media bytes go; by default what the configuration says (MEDIA_STORE): local disk under DATA_DIR, or an S3-compatible bucket. */
  store?: (runtime: SubgraphRuntime) => MediaStore;
  /** Check the vehicle, customer and technician ids writes name with the subgraphs that own them (default); false only where shops and vehicles do not run. */
  checkReferences?: boolean;
}

async function mediaUrls(runtime: SubgraphRuntime) {
  const [{ secret }] = (await runtime.db.dataSource.query('SELECT secret FROM inspections.media_signing_key WHERE id = 1')) as { secret: string }[];
  return signedMediaUrls({ publicBaseUrl: runtime.config.publicUrl, secret });
}

/** Templates, inspections and their items and media, recommendations and the customer's approval. */
export function createInspectionsSubgraph(options: InspectionsOptions = {}): SubgraphDefinition {
  return {
    name: 'inspections',
    issuesTokens: true,
    entities: [TemplateEntity, TemplateVersionEntity, InspectionEntity, InspectionItemEntity, InspectionMediaEntity, RecommendationEntity, VehicleTemplateEntity, ShopRateEntity],
    migrations: [Initial1764205200000, Pricing1764900000000, ShareGrant1764903600000, ReportLayout1764990000000, ShareOpening1765000000000, MediaVariants1765200000000],
    async createApp(runtime): Promise<SubgraphApp> {
      const store = options.store ? options.store(runtime) : configuredStore(runtime.config);
      const urls = await mediaUrls(runtime);
      const live = createLiveUpdates(runtime.bus, runtime.logger, createRepositories(runtime.db.dataSource.manager));
      const services = createServices(runtime, { store, urls, live, checkReferences: options.checkReferences });
      return createSubgraphApp(runtime, {
        schema,
        publicFields: ['openSharedInspection'],
        context: ({ principal, request }) => createContext(runtime, services, principal, request.headers.get('authorization')),
        routes: mediaRoutes({ urls, store, receive: (upload) => services.media.receive(upload), logger: runtime.logger }),
        consumers: [
          eventConsumer({ group: vehicleTemplatesGroup, types: vehicleTemplateEventTypes, handle: (event) => projectVehicleTemplate(runtime, event) }),
          eventConsumer({ group: shopRatesGroup, types: shopRateEventTypes, handle: (event) => projectShopRate(runtime, event) }),
        ],
        jobs: [
          {
            name: 'abandoned media uploads',
            everyMs: runtime.config.retention.intervalMs,
            async run() {
              const swept = await services.media.sweepAbandoned();
              if (swept > 0) runtime.logger.info('abandoned media uploads deleted', { rows: swept });
            },
          },
        ],
        stop: async () => {
          await live.close();
          await store.close();
        },
      });
    },
  };
}

export const inspectionsSubgraph = createInspectionsSubgraph();
