import type { DocumentNode, GraphQLSchema } from 'graphql';
import { deprecatedFieldsOf } from '../../deprecated-fields';

const removalDate = /(\d{4}-\d{2}-\d{2})/;

/**
 * `Deprecation` and `Sunset` (RFC 8594) headers for a REST call whose operation selects deprecated fields.
 * A deprecation reason names its removal date ("… Removal: 2027-03-31."); the earliest one is the sunset.
 */
export function deprecationHeaders(schema: GraphQLSchema, document: DocumentNode): Record<string, string> {
  const fields = deprecatedFieldsOf(schema, document);
  if (fields.length === 0) return {};
  const dates = fields
    .map((coordinate) => {
      const [typeName, fieldName] = coordinate.split('.');
      const type = schema.getType(typeName!) as { getFields?: () => Record<string, { deprecationReason?: string | null }> } | undefined;
      return removalDate.exec(type?.getFields?.()[fieldName!]?.deprecationReason ?? '')?.[1];
    })
    .filter((date): date is string => Boolean(date))
    .sort();
  return {
    deprecation: 'true',
    ...(dates[0] ? { sunset: new Date(`${dates[0]}T00:00:00Z`).toUTCString() } : {}),
    'x-deprecated-fields': fields.join(', '),
  };
}
