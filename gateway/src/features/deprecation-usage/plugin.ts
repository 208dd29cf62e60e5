import type { ApolloServerPlugin } from '@apollo/server';
import type { DocumentNode, GraphQLSchema } from 'graphql';
import type { KeyValueStore } from '@cip/platform/core';
import type { GatewayContext } from '../../context';
import { deprecatedFieldsOf } from '../../deprecated-fields';

/** Where the uses of a deprecated field by one client version are counted. */
export const deprecatedUseKey = (field: string, clientName = 'unknown', clientVersion = 'unknown') => `deprecated-use:${field}:${clientName}:${clientVersion}`;

/** Counts, per client name and version (`apollographql-client-name`/`-version`), each operation using a deprecated field. */
export function deprecationUsagePlugin(store: KeyValueStore, retentionSeconds = 90 * 86_400): ApolloServerPlugin<GatewayContext> {
  // Apollo Server hands the same parsed document to every request with the same query text, so the
  // walk is done once per operation (it cost the gateway a twentieth of its CPU per request).
  const fieldsOf = new WeakMap<DocumentNode, { schema: GraphQLSchema; fields: string[] }>();
  const deprecatedFieldsCached = (schema: GraphQLSchema, document: DocumentNode) => {
    let known = fieldsOf.get(document);
    if (known?.schema !== schema) fieldsOf.set(document, (known = { schema, fields: deprecatedFieldsOf(schema, document) }));
    return known.fields;
  };
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ schema, document, contextValue }) {
          for (const field of deprecatedFieldsCached(schema, document)) {
            await store.increment(deprecatedUseKey(field, contextValue.clientName, contextValue.clientVersion), retentionSeconds);
          }
        },
      };
    },
  };
}
