import { createHash } from 'node:crypto';
import type { ApolloServerPlugin } from '@apollo/server';
import { appError, ErrorCode } from '@cip/platform/core';
import type { GatewayContext } from '../../context';
import type { PersistedManifest } from './manifest';

/**
 * Stands in for a refused partner document. Apollo Server turns an error thrown before parsing into a 500,
 * so the refused text is swapped for this trivial document (never parsed, planned or registered as APQ) and
 * the refusal is raised once the operation resolves, still before any query planning.
 */
const refusedPlaceholder = 'query PersistedQueryNotAllowed { __typename }';

// Keyed on the request's header map: Apollo Server runs `executeOperation` on a shallow copy of the context.
const generated = new WeakSet<Map<string, string>>();

/** Marks a request as one of the REST routes generated from the schema: published operations too, for keys as well. */
export function allowGeneratedOperation(context: GatewayContext) {
  generated.add(context.responseHeaders);
}

/**
 * Published operations run by hash alone (the manifest supplies the text). A partner API key runs only
 * the partner manifest's operations: anything else is refused with PERSISTED_QUERY_NOT_ALLOWED.
 */
export function persistedOperationsPlugin(manifest: PersistedManifest): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart({ request, contextValue }) {
      const hash = request.extensions?.persistedQuery?.sha256Hash;
      if (request.query === undefined && typeof hash === 'string') {
        const published = manifest.documents.get(hash);
        if (published) request.query = published;
      }
      // The rule is for API keys. Partner tokens are minted by the gateway for subgraphs and never handed to callers.
      const withApiKey = Boolean(request.http?.headers.get('x-api-key'));
      if (contextValue.principal?.kind !== 'partner' || !withApiKey || generated.has(contextValue.responseHeaders)) return;
      if (isPartnerOperation(manifest, request.query, hash)) return;
      request.query = refusedPlaceholder;
      request.operationName = undefined;
      if (request.extensions) delete request.extensions.persistedQuery;
      return {
        async didResolveOperation() {
          throw notPublished();
        },
      };
    },
  };
}

/** True when `query` is a published partner operation (the hash sent, or the text's own, names it). */
export function isPartnerOperation(manifest: PersistedManifest, query: string | undefined, hash: unknown): boolean {
  const sentHash = typeof hash === 'string' ? hash : query ? createHash('sha256').update(query).digest('hex') : undefined;
  return Boolean(sentHash && manifest.partnerHashes.has(sentHash) && query === manifest.documents.get(sentHash));
}

export const notPublished = () =>
  appError(ErrorCode.PERSISTED_QUERY_NOT_ALLOWED, 'API keys may run only the published partner operations, sent by their sha256 hash (see docs/integration.md).', {
    http: { status: 403 },
  });
