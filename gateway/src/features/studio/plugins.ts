import type { ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginUsageReporting } from '@apollo/server/plugin/usageReporting';
import { ApolloServerPluginUsageReportingDisabled, ApolloServerPluginSchemaReportingDisabled } from '@apollo/server/plugin/disabled';
import type { Config } from '@cip/platform/core';
import type { GatewayContext } from '../../context';

/**
 * Apollo Studio reporting. With `APOLLO_KEY` and `APOLLO_GRAPH_REF`, operation usage (per client name and
 * version) goes to Studio's ingress, or to `APOLLO_USAGE_REPORTING_URL`. The supergraph's schema reaches
 * Studio through `rover subgraph publish` (Apollo Server cannot report a gateway's schema itself). With
 * neither variable, nothing leaves the machine.
 */
export function studioPlugins(config: Config): ApolloServerPlugin<GatewayContext>[] {
  if (!config.apollo.key || !config.apollo.graphRef) {
    return [ApolloServerPluginUsageReportingDisabled(), ApolloServerPluginSchemaReportingDisabled()];
  }
  return [
    ApolloServerPluginUsageReporting<GatewayContext>({
      endpointUrl: config.apollo.usageReportingUrl,
      sendReportsImmediately: config.env === 'test',
      sendVariableValues: { none: true },
      sendHeaders: { none: true },
      generateClientInfo: ({ contextValue }) => ({ clientName: contextValue.clientName, clientVersion: contextValue.clientVersion }),
    }),
    ApolloServerPluginSchemaReportingDisabled(),
  ];
}
