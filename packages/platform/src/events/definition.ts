import type { z } from 'zod';
import type { ServiceName } from '../config';

/** One `type@version` of the event catalog: who emits it, what it is about, and its data's schema. */
export interface EventDefinition<Type extends string = string, Version extends number = number, Data extends z.ZodType = z.ZodType> {
  type: Type;
  version: Version;
  producer: ServiceName;
  /** The typename every envelope of this event carries in `subject`. */
  subject: string;
  /** The GraphQL type the event changes, when it differs from the subject (webhooks and subscriptions of that type receive it). */
  entity?: string;
  /** Envelopes carry no shop: webhooks deliver them to the endpoints an organization's owner registered for the whole organization. */
  organizationLevel?: boolean;
  description: string;
  data: Data;
}

export function defineEvent<const Type extends string, const Version extends number, Data extends z.ZodObject>(
  definition: EventDefinition<Type, Version, Data>,
): EventDefinition<Type, Version, Data> {
  return definition;
}
