import { createEntityLookup, type SubgraphRuntime } from '@cip/platform';
import { createRepositories } from '../data/repositories';
import type { SignedMediaUrls } from '../storage/signed-urls';
import type { MediaStore } from '../storage/store';
import { InspectionWorkflow } from './inspections';
import type { LiveUpdates } from './live';
import { MediaLibrary } from './media';
import { RecommendationDesk } from './recommendations';
import { ReferenceChecks } from './references';
import { ItemResults } from './results';
import { Sharing } from './sharing';
import { TemplateLibrary } from './templates';

/**
 * The domain services of this subgraph, built once per process from the runtime; `checkReferences`
 * false only where no shops and vehicles subgraphs run.
 */
export function createServices(runtime: SubgraphRuntime, deps: { store: MediaStore; urls: SignedMediaUrls; live: LiveUpdates; checkReferences?: boolean }) {
  const dataSource = runtime.db.dataSource;
  const repos = createRepositories(dataSource.manager);
  const references = new ReferenceChecks(deps.checkReferences === false ? null : createEntityLookup(runtime.config));
  return {
    repos,
    live: deps.live,
    workflow: new InspectionWorkflow(dataSource, repos, runtime.access, references),
    results: new ItemResults(dataSource, repos),
    recommendations: new RecommendationDesk(dataSource, repos, runtime.access, references),
    sharing: new Sharing(runtime, dataSource, repos),
    media: new MediaLibrary(dataSource, repos, deps.store, deps.urls, runtime.logger),
    templates: new TemplateLibrary(dataSource, repos),
  };
}

export type Services = ReturnType<typeof createServices>;
