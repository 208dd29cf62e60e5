import type DataLoader from 'dataloader';
import type { DataSource } from 'typeorm';
import { batchLoader, groupLoader, readableShopIds, type Principal, type SubgraphRuntime } from '@cip/platform';
import { InspectionItemRepository, InspectionRepository, type Inspection, type InspectionItem } from './data/inspection';
import { MediaRepository, type InspectionMedia } from './data/media';
import { RecommendationRepository, type Recommendation } from './data/recommendation';
import { ShopRateRepository } from './data/shop-rate';
import { TemplateRepository, type Template } from './data/template';
import { VehicleTemplateRepository } from './data/vehicle-template';
import type { LiveUpdates } from './domain/live';
import type { MediaStorage } from './storage/storage';

export type InspectionOwner = 'vehicle_id' | 'customer_id' | 'technician_id';

export interface InspectionsContext {
  principal: Principal | null;
  runtime: SubgraphRuntime;
  dataSource: DataSource;
  storage: MediaStorage;
  /** Bus events for subscriptions. */
  live: LiveUpdates;
  repos: ReturnType<typeof createRepositories>;
  loaders: {
    template: DataLoader<string, Template | null>;
    inspection: DataLoader<string, Inspection | null>;
    recommendation: DataLoader<string, Recommendation | null>;
    itemsByInspection: DataLoader<string, InspectionItem[]>;
    recommendationsByInspection: DataLoader<string, Recommendation[]>;
    mediaByInspection: DataLoader<string, InspectionMedia[]>;
    /** The latest `limit` inspections per vehicle, customer or technician, one loader per (owner, limit). */
    latestBy(owner: InspectionOwner, limit: number): DataLoader<string, Inspection[]>;
  };
  /** Forgets everything loaded so far: a subscription reloads fresh state for every event it delivers. */
  clearLoaders(): void;
}

export function createRepositories(dataSource: DataSource) {
  const manager = dataSource.manager;
  return {
    templates: new TemplateRepository(manager),
    inspections: new InspectionRepository(manager),
    items: new InspectionItemRepository(manager),
    recommendations: new RecommendationRepository(manager),
    media: new MediaRepository(manager),
    vehicleTemplates: new VehicleTemplateRepository(manager),
    shopRates: new ShopRateRepository(manager),
  };
}

/** Fresh loaders for every request, so nothing cached outlives the caller it was loaded for. */
export function createContext(runtime: SubgraphRuntime, services: { storage: MediaStorage; live: LiveUpdates }, principal: Principal | null): InspectionsContext {
  const dataSource = runtime.db.dataSource;
  const repos = createRepositories(dataSource);
  const shopIds = readableShopIds(principal);
  const byOwner = new Map<string, DataLoader<string, Inspection[]>>();
  const loaders: InspectionsContext['loaders'] = {
    template: batchLoader((ids) => repos.templates.findByIds(ids)),
    inspection: batchLoader((ids) => repos.inspections.findByIds(ids)),
    recommendation: batchLoader((ids) => repos.recommendations.findByIds(ids)),
    itemsByInspection: groupLoader((ids: readonly string[]) => repos.items.listByInspectionIds(ids)),
    recommendationsByInspection: groupLoader((ids: readonly string[]) => repos.recommendations.listByInspectionIds(ids)),
    mediaByInspection: groupLoader((ids: readonly string[]) => repos.media.listByInspectionIds(ids)),
    latestBy(owner, limit) {
      const key = `${owner}:${limit}`;
      let loader = byOwner.get(key);
      if (!loader) {
        loader = groupLoader((ids: readonly string[]) => repos.inspections.listLatestByOwner(owner, ids, shopIds, limit));
        byOwner.set(key, loader);
      }
      return loader;
    },
  };
  return {
    principal,
    runtime,
    dataSource,
    storage: services.storage,
    live: services.live,
    repos,
    loaders,
    clearLoaders() {
      for (const loader of [loaders.template, loaders.inspection, loaders.recommendation, loaders.itemsByInspection, loaders.recommendationsByInspection, loaders.mediaByInspection]) {
        loader.clearAll();
      }
      byOwner.clear();
    },
  };
}
