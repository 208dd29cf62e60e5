import { selectsByTable, type LoggedQuery } from '@cip/platform';

/** SELECTs per table a request sent; each subgraph's outbox relay and consumers poll in the background and are not the request's. */
export function requestSelects(queries: LoggedQuery[]): Record<string, number> {
  return Object.fromEntries(Object.entries(selectsByTable(queries)).filter(([table]) => !/\.(outbox|processed_events|audit_entry|audit_chain_head|security_event)$/.test(table)));
}
