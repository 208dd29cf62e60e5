import { readFile } from 'node:fs/promises';
import type { SubgraphName } from '@cip/platform/core';

export const committedSupergraphPath = new URL('../../schema/supergraph.graphql', import.meta.url);

export async function readCommittedSupergraph(): Promise<string> {
  return readFile(committedSupergraphPath, 'utf8');
}

/** Subgraph names in the supergraph's `join__Graph` enum are upper-case; map them back to ours. */
export function subgraphNameOf(graphName: string): SubgraphName {
  return graphName.toLowerCase() as SubgraphName;
}
