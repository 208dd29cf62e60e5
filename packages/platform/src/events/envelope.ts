import { randomUUID } from 'node:crypto';

/** What every domain event looks like on the bus, whatever produced it. */
export interface EventEnvelope<Data = Record<string, unknown>> {
  id: string;
  type: string;
  version: number;
  occurredAt: string;
  orgId: string;
  shopId: string | null;
  subject: { typename: string; id: string };
  data: Data;
}

export function newEvent<Data>(input: Omit<EventEnvelope<Data>, 'id' | 'occurredAt' | 'version'> & { version?: number; occurredAt?: Date }): EventEnvelope<Data> {
  return {
    id: randomUUID(),
    type: input.type,
    version: input.version ?? 1,
    occurredAt: (input.occurredAt ?? new Date()).toISOString(),
    orgId: input.orgId,
    shopId: input.shopId,
    subject: input.subject,
    data: input.data,
  };
}
