import { getNamedType, type GraphQLSchema } from 'graphql';
import { entityOf, eventCatalog, type EventType } from '@cip/platform/core';

/** A webhook event type: one per subscription field of the schema, so a new subscription is a new event type. */
export interface WebhookEventType {
  name: string;
  description: string;
  /** The type the payload describes; bus events about an entity of this type are delivered. */
  typename: string;
  /** The root query field that reads one of them by id, used to shape payloads with a selection. */
  lookupField?: string;
  /**
   * Its events carry no shop: delivered to endpoints an owner of the organization registered, whichever
   * shops they cover, rather than by shop.
   */
  organizationLevel: boolean;
  /** The catalog events (`type@version`) that change an entity of that type, each delivered as one webhook. */
  sources: { type: EventType; version: number; description: string }[];
}

export function webhookCatalog(schema: GraphQLSchema): WebhookEventType[] {
  const fields = schema.getSubscriptionType()?.getFields() ?? {};
  const queries = schema.getQueryType()?.getFields() ?? {};
  return Object.values(fields).map((field) => {
    const typename = getNamedType(field.type).name;
    const lookupName = typename.charAt(0).toLowerCase() + typename.slice(1);
    const lookup = queries[lookupName];
    const definitions = eventCatalog.filter((definition) => entityOf(definition) === typename);
    return {
      name: field.name,
      description: field.description ?? '',
      typename,
      ...(lookup && lookup.args.some((arg) => arg.name === 'id') ? { lookupField: lookupName } : {}),
      organizationLevel: definitions.length > 0 && definitions.every((definition) => definition.organizationLevel === true),
      sources: definitions.map((definition) => ({ type: definition.type, version: definition.version, description: definition.description })),
    };
  });
}
