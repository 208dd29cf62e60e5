import type { GraphQLSchema } from 'graphql';
import { defaultPorts, subgraphNames, type SubgraphName } from '../config';
import type { SubgraphDefinition } from '../runtime';

/** What the tools that run or compose the whole platform need of one subgraph. */
export interface RegisteredSubgraph {
  name: SubgraphName;
  /** The workspace package; its main export is the subgraph's app module. */
  packageName: string;
  /** Its folder, relative to the repository root. */
  directory: string;
  /** The file that runs it as a process of its own, relative to the repository root. */
  main: string;
  defaultPort: number;
  /** Imports the app module: the definition a runner serves and the schema composition reads. */
  load(): Promise<{ definition: SubgraphDefinition; schema: GraphQLSchema }>;
}

const loaders: Record<SubgraphName, RegisteredSubgraph['load']> = {
  shops: async () => {
    const module = await import('@cip/shops');
    return { definition: module.shopsSubgraph, schema: module.schema };
  },
  inspections: async () => {
    const module = await import('@cip/inspections');
    return { definition: module.inspectionsSubgraph, schema: module.schema };
  },
  vehicles: async () => {
    const module = await import('@cip/vehicles');
    return { definition: module.vehiclesSubgraph, schema: module.schema };
  },
  partners: async () => {
    const module = await import('@cip/partners');
    return { definition: module.partnersSubgraph, schema: module.schema };
  },
  analytics: async () => {
    const module = await import('@cip/analytics');
    return { definition: module.analyticsSubgraph, schema: module.schema };
  },
};

/**
 * The one list of subgraphs, in start order (shops first: it issues tokens and the others read its
 * JWKS). `npm start`, composition, the gateway's tests, the benchmarks and the process runners read it.
 */
export const subgraphRegistry: readonly RegisteredSubgraph[] = subgraphNames.map((name) => ({
  name,
  packageName: `@cip/${name}`,
  directory: `subgraphs/${name}`,
  main: `subgraphs/${name}/src/main.ts`,
  defaultPort: defaultPorts[name],
  load: loaders[name],
}));

export function registeredSubgraph(name: SubgraphName): RegisteredSubgraph {
  const entry = subgraphRegistry.find((subgraph) => subgraph.name === name);
  if (!entry) throw new Error(`no subgraph named ${name}`);
  return entry;
}
