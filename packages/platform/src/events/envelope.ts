/** What every domain event looks like on the bus, whatever produced it; build one with `buildEvent` (catalog.ts). */
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
