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
import { schema } from './schema';
import { localDiskStorage, type MediaStorage } from './storage/storage';

export { schema };

export interface InspectionsOptions {
  /** Where media bytes go; by default local disk under DATA_DIR, behind URLs this subgraph signs and serves under the gateway's public origin (the gateway's media route passes them here). */
  storage?: (runtime: SubgraphRuntime) => Promise<MediaStorage>;
  /** Check the vehicle, customer and technician ids writes name with the subgraphs that own them (default); false only where shops and vehicles do not run. */
  checkReferences?: boolean;
}

async function defaultStorage(runtime: SubgraphRuntime): Promise<MediaStorage> {
  const [{ secret }] = (await runtime.db.dataSource.query('SELECT secret FROM inspections.media_signing_key WHERE id = 1')) as { secret: string }[];
  return localDiskStorage({ dataDir: runtime.config.dataDir, publicBaseUrl: runtime.config.publicUrl, secret });
}

/** Templates, inspections and their items and media, recommendations and the customer's approval. */
export function createInspectionsSubgraph(options: InspectionsOptions = {}): SubgraphDefinition {
  return {
    name: 'inspections',
    issuesTokens: true,
    entities: [TemplateEntity, TemplateVersionEntity, InspectionEntity, InspectionItemEntity, InspectionMediaEntity, RecommendationEntity, VehicleTemplateEntity, ShopRateEntity],
    migrations: [Initial1764205200000, Pricing1764900000000, ShareGrant1764903600000, ReportLayout1764990000000, ShareOpening1765000000000],
    async createApp(runtime): Promise<SubgraphApp> {
      const storage = await (options.storage ?? defaultStorage)(runtime);
      const live = createLiveUpdates(runtime.bus, runtime.logger, createRepositories(runtime.db.dataSource.manager));
      const services = createServices(runtime, { storage, live, checkReferences: options.checkReferences });
      return createSubgraphApp(runtime, {
        schema,
        publicFields: ['openSharedInspection'],
        context: ({ principal, request }) => createContext(runtime, services, principal, request.headers.get('authorization')),
        routes: storage.routes((storageKey) => services.media.uploaded(storageKey)),
        consumers: [
          eventConsumer({ group: vehicleTemplatesGroup, types: vehicleTemplateEventTypes, handle: (event) => projectVehicleTemplate(runtime, event) }),
          eventConsumer({ group: shopRatesGroup, types: shopRateEventTypes, handle: (event) => projectShopRate(runtime, event) }),
        ],
        stop: () => live.close(),
      });
    },
  };
}

export const inspectionsSubgraph = createInspectionsSubgraph();
