import { gatewayCredentialHeader } from '../auth/client';
import type { Config, SubgraphName } from '../config';
import { appError, ErrorCode } from '../errors';

/** An entity another subgraph owns, by its key. */
export interface EntityReference {
  typename: string;
  id: string;
}

/**
 * Asks the subgraph that owns an entity about it, as the caller: a subgraph checks ids it is given for
 * writes (another organization's customer, a technician of another shop) against the owner's own
 * tenancy rules, which answer a foreign id exactly like a missing one.
 */
export interface EntityLookup {
  /**
   * The entity's `selection` as `subgraph` answers it to the caller whose `authorization` header is
   * given, or null when it does not exist or the caller may not see it. Throws SERVICE_UNAVAILABLE when
   * the owner cannot answer.
   */
  find<T>(authorization: string | null, subgraph: SubgraphName, reference: EntityReference, selection: string): Promise<T | null>;
}

export function createEntityLookup(config: Pick<Config, 'subgraphUrls' | 'gatewaySecret'>, options: { timeoutMs?: number } = {}): EntityLookup {
  return {
    async find<T>(authorization: string | null, subgraph: SubgraphName, reference: EntityReference, selection: string) {
      const query = `query EntityLookup($representations: [_Any!]!) { _entities(representations: $representations) { ... on ${reference.typename} { ${selection} } } }`;
      const headers: Record<string, string> = { 'content-type': 'application/json' };
      if (authorization) headers.authorization = authorization;
      if (config.gatewaySecret) headers[gatewayCredentialHeader] = config.gatewaySecret;
      const unavailable = () => appError(ErrorCode.SERVICE_UNAVAILABLE, `The ${reference.typename} could not be checked right now; try again.`);
      const response = await fetch(config.subgraphUrls[subgraph], {
        method: 'POST',
        headers,
        body: JSON.stringify({ query, variables: { representations: [{ __typename: reference.typename, id: reference.id }] } }),
        signal: AbortSignal.timeout(options.timeoutMs ?? 5_000),
      }).catch(() => null);
      const body = (await response?.json().catch(() => null)) as { data?: { _entities?: (T | null)[] }; errors?: { extensions?: { code?: string } }[] } | null;
      const entities = body?.data?._entities;
      if (!response?.ok || !entities) throw unavailable();
      const refused = body?.errors?.some((error) => error.extensions?.code !== ErrorCode.NOT_FOUND);
      if (refused && entities[0] == null) throw unavailable();
      return entities[0] ?? null;
    },
  };
}
