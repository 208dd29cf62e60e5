import type { ApolloServerPlugin } from '@apollo/server';
import { Counter } from 'prom-client';
import { ErrorCode, platformRegistry } from '@cip/platform/core';
import type { GatewayContext } from '../../context';
import { sendJson } from '../../http-adapter';
import type { GatewayFeature } from '../feature';
import { ErrorGroups } from './groups';

export interface ErrorGroupsOptions {
  /** Groups kept in memory; past that the one seen longest ago is dropped. Default 1,000. */
  maxGroups?: number;
  /** Where platform operators read the groups. Default `/admin/error-groups`. */
  path?: string;
}

const metricName = 'cip_error_group_events_total';
const events = () =>
  (platformRegistry.getSingleMetric(metricName) as Counter<'service' | 'fingerprint' | 'code'> | undefined) ??
  new Counter({ name: metricName, help: 'Errors answered, by fingerprint (type, normalized message, top frames) and code.', labelNames: ['service', 'fingerprint', 'code'], registers: [platformRegistry] });

/**
 * Error aggregation: every error the gateway answers is fingerprinted (its code and class, its message with
 * ids and values taken out, its top stack frames) and counted in its group, with when it was first and last
 * seen and which operations and clients met it. Counts are exported to Prometheus by fingerprint, and platform
 * operators read the groups at `GET /admin/error-groups` with an operator token.
 */
export function errorGroupsFeature(options: ErrorGroupsOptions = {}): GatewayFeature {
  return {
    name: 'error-groups',
    setup({ gateway }) {
      const groups = new ErrorGroups(options.maxGroups);
      const counter = events();
      const path = options.path ?? '/admin/error-groups';
      const plugin: ApolloServerPlugin<GatewayContext> = {
        async requestDidStart() {
          return {
            async didEncounterErrors({ errors, operationName, contextValue }) {
              for (const error of errors) {
                const group = groups.record(error, { operationName: operationName ?? undefined, clientName: contextValue.clientName });
                counter.inc({ service: 'gateway', fingerprint: group.fingerprint, code: group.type.split(' ')[0] });
              }
            },
          };
        },
      };
      return {
        plugins: [plugin],
        routes: [
          {
            matches: (pathname) => pathname === path,
            async handle(req, res) {
              const context = await gateway.contextFor(req.headers).catch(() => null);
              if (!context?.principal) return sendJson(res, 401, { errors: [{ message: 'An operator token is required.', extensions: { code: ErrorCode.UNAUTHENTICATED } }] });
              if (context.principal.kind !== 'operator') return sendJson(res, 403, { errors: [{ message: 'Only platform operators may read error groups.', extensions: { code: ErrorCode.FORBIDDEN } }] });
              sendJson(res, 200, { groups: groups.list() });
            },
          },
        ],
      };
    },
  };
}
