import type { ApolloServerPlugin } from '@apollo/server';
import { buildEvent, enqueueEvents, startOutboxRelay, type OutboxRelay } from '@cip/platform/core';
import type { GatewayContext } from '../../context';
import { ApiKeys1764300000000 } from '../api-keys/migrations/1764300000000-api-keys';
import type { GatewayFeature } from '../feature';
import { mutationAuditRecords } from './record';

/**
 * The audit trail of every mutation that runs through the gateway: each root field's outcome, actor,
 * targets and input digest, written to the gateway's outbox before the answer goes out, and relayed to
 * the bus as `audit.recorded`, where shops appends it to the organization's hash-chained log, once.
 */
export function auditFeature(): GatewayFeature {
  return {
    name: 'audit',
    // The gateway's outbox was created with its event tables, in the API keys' first migration.
    migrations: [ApiKeys1764300000000],
    async setup({ database, bus, logger }) {
      const dataSource = database();
      const relay: OutboxRelay = await startOutboxRelay({ dataSource, schema: 'gateway', bus, logger });
      const plugin: ApolloServerPlugin<GatewayContext> = {
        async requestDidStart() {
          return {
            async willSendResponse(ctx) {
              if (ctx.operation?.operation !== 'mutation' || ctx.response.body.kind !== 'single') return;
              const result = ctx.response.body.singleResult;
              const records = mutationAuditRecords({
                operation: ctx.operation,
                variables: ctx.request.variables ?? {},
                data: result.data,
                errors: result.errors ?? [],
                context: ctx.contextValue,
                occurredAt: new Date(),
              });
              const events = records.map((record) => buildEvent('audit.recorded', { orgId: record.orgId ?? '', shopId: record.shopId, subjectId: record.id, data: record }));
              await dataSource
                .transaction((manager) => enqueueEvents(manager, 'gateway', events))
                .catch((error: unknown) => logger.error('could not record the audit entries of a mutation', { code: 'AUDIT_NOT_RECORDED', operations: records.map((r) => r.operation), error }));
            },
          };
        },
      };
      return { plugins: [plugin], close: () => relay.stop() };
    },
  };
}
