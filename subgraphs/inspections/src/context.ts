import type DataLoader from 'dataloader';
import { batchLoader, groupLoader, readableShopIds, type Principal, type SubgraphRuntime } from '@cip/platform';
import type { Inspection, InspectionItem } from './data/inspection';
import type { InspectionMedia } from './data/media';
import type { Recommendation } from './data/recommendation';
import { summarize, summarizeCounts, type ConditionSummary } from './domain/conditions';
import { InspectionReader, type InspectionOwner, type Loaders } from './domain/reader';
import type { Services } from './domain/services';

export interface InspectionsContext {
  principal: Principal | null;
  /** The caller's `authorization` header, for asking other subgraphs as the caller. */
  authorization: string | null;
  runtime: SubgraphRuntime;
  services: Services;
  /** What this caller may read, through the request's loaders. */
  reader: InspectionReader;
  loaders: Loaders & {
    itemsByInspection: DataLoader<string, InspectionItem[]>;
    /** Condition counts: from the items when the fetch reads them anyway, from one aggregate otherwise. */
    summaryByInspection: DataLoader<string, ConditionSummary | null>;
    recommendationsByInspection: DataLoader<string, Recommendation[]>;
    mediaByInspection: DataLoader<string, InspectionMedia[]>;
  };
  /** Forgets everything loaded so far: a subscription reloads fresh state for every event it delivers. */
  clearLoaders(): void;
}

/** Fresh loaders for every request, so nothing cached outlives the caller it was loaded for. */
export function createContext(runtime: SubgraphRuntime, services: Services, principal: Principal | null, authorization: string | null): InspectionsContext {
  const { repos } = services;
  const shopIds = readableShopIds(principal);
  const byOwner = new Map<string, DataLoader<string, Inspection[]>>();
  // The items loader's cache, read by the summary loader: a summary of items this fetch reads costs no query of its own.
  const itemsRead = new Map<string, Promise<InspectionItem[]>>();
  const loaders: InspectionsContext['loaders'] = {
    template: batchLoader((ids) => repos.templates.findByIds(ids)),
    inspection: batchLoader((ids) => repos.inspections.findByIds(ids)),
    recommendation: batchLoader((ids) => repos.recommendations.findByIds(ids)),
    itemsByInspection: groupLoader((ids: readonly string[]) => repos.items.listByInspectionIds(ids), { cacheMap: itemsRead }),
    summaryByInspection: batchLoader(async (ids: readonly string[]) => {
      const reading = ids.map((id) => itemsRead.get(id));
      const counted = ids.filter((_, i) => !reading[i]);
      const counts = counted.length > 0 ? await repos.items.countConditions(counted) : [];
      const summaries = new Map(counted.map((id, i) => [id, summarizeCounts(counts[i])]));
      return Promise.all(ids.map(async (id, i) => summaries.get(id) ?? summarize(await reading[i]!)));
    }),
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
    authorization,
    runtime,
    services,
    reader: new InspectionReader(principal, loaders, repos.inspections),
    loaders,
    clearLoaders() {
      for (const loader of [loaders.template, loaders.inspection, loaders.recommendation, loaders.itemsByInspection, loaders.summaryByInspection, loaders.recommendationsByInspection, loaders.mediaByInspection]) {
        loader.clearAll();
      }
      byOwner.clear();
    },
  };
}
