import { FlagAdmin, type SubgraphRuntime } from '@cip/platform';

/** Flag management is served here: changes are written with their event through this subgraph's outbox. */
export function flagAdminOf(runtime: SubgraphRuntime): FlagAdmin {
  return new FlagAdmin({ dataSource: runtime.db.dataSource, outboxSchema: runtime.name, flags: runtime.flags });
}
