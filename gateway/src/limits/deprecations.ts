import type { ApolloServerPlugin } from '@apollo/server';
import { TypeInfo, visit, visitWithTypeInfo, type DocumentNode, type GraphQLSchema } from 'graphql';
import type { KeyValueStore } from '@cip/platform';
import type { GatewayContext } from '../context';

/** Schema coordinates (`Type.field`) of the deprecated fields an operation selects. */
export function deprecatedFieldsOf(schema: GraphQLSchema, document: DocumentNode): string[] {
  const typeInfo = new TypeInfo(schema);
  const used = new Set<string>();
  visit(
    document,
    visitWithTypeInfo(typeInfo, {
      Field() {
        const field = typeInfo.getFieldDef();
        const parent = typeInfo.getParentType();
        if (field?.deprecationReason && parent) used.add(`${parent.name}.${field.name}`);
      },
    }),
  );
  return [...used];
}

/** Where the uses of a deprecated field by one client version are counted (kept 90 days). */
export const deprecatedUseKey = (field: string, clientName = 'unknown', clientVersion = 'unknown') => `deprecated-use:${field}:${clientName}:${clientVersion}`;

/** Counts, per client name and version (`apollographql-client-name`/`-version`), each operation using a deprecated field. */
export function deprecationUsagePlugin(store: KeyValueStore): ApolloServerPlugin<GatewayContext> {
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
            await store.increment(deprecatedUseKey(field, contextValue.clientName, contextValue.clientVersion), 90 * 86_400);
          }
        },
      };
    },
  };
}
