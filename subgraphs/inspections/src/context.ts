import type DataLoader from 'dataloader';
import { batchLoader, groupLoader, readableShopIds, type Principal, type SubgraphRuntime } from '@cip/platform';
import type { Inspection, InspectionItem } from './data/inspection';
import type { InspectionMedia } from './data/media';
import type { Recommendation } from './data/recommendation';
import { InspectionReader, type InspectionOwner, type Loaders } from './domain/reader';
import type { Services } from './domain/services';

export interface InspectionsContext {
  principal: Principal | null;
  runtime: SubgraphRuntime;
  services: Services;
  /** What this caller may read, through the request's loaders. */
  reader: InspectionReader;
  loaders: Loaders & {
    itemsByInspection: DataLoader<string, InspectionItem[]>;
    recommendationsByInspection: DataLoader<string, Recommendation[]>;
    mediaByInspection: DataLoader<string, InspectionMedia[]>;
  };
  /** Forgets everything loaded so far: a subscription reloads fresh state for every event it delivers. */
  clearLoaders(): void;
}

/** Fresh loaders for every request, so nothing cached outlives the caller it was loaded for. */
export function createContext(runtime: SubgraphRuntime, services: Services, principal: Principal | null): InspectionsContext {
  const { repos } = services;
  const shopIds = readableShopIds(principal);
  const byOwner = new Map<string, DataLoader<string, Inspection[]>>();
  const loaders: InspectionsContext['loaders'] = {
    template: batchLoader((ids) => repos.templates.findByIds(ids)),
    inspection: batchLoader((ids) => repos.inspections.findByIds(ids)),
    recommendation: batchLoader((ids) => repos.recommendations.findByIds(ids)),
    itemsByInspection: groupLoader((ids: readonly string[]) => repos.items.listByInspectionIds(ids)),
    recommendationsByInspection: groupLoader((ids: readonly string[]) => repos.recommendations.listByInspectionIds(ids)),
    mediaByInspection: groupLoader((ids: readonly string[]) => repos.media.listByInspectionIds(ids)),
    latestBy(owner: InspectionOwner, limit: number) {
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
    services,
    reader: new InspectionReader(principal, loaders, repos.inspections),
    loaders,
    clearLoaders() {
      for (const loader of [loaders.template, loaders.inspection, loaders.recommendation, loaders.itemsByInspection, loaders.recommendationsByInspection, loaders.mediaByInspection]) {
        loader.clearAll();
      }
      byOwner.clear();
    },
  };
}
