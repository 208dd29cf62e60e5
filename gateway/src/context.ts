import type { ClientInfo, Principal } from '@cip/platform/core';

/** What every gateway request carries from authentication to the subgraph calls. */
export interface GatewayContext {
  principal: Principal | null;
  /** The `Authorization` header value subgraphs receive: the caller's token, or one minted for an API key. */
  forwardAuthorization?: string;
  clientName?: string;
  clientVersion?: string;
  /** The caller's `traceparent` and `tracestate`, forwarded as they came when this gateway records no spans. */
  traceHeaders: Record<string, string>;
  /** Where the request came from: the socket's peer, or what trusted proxies forwarded (TRUSTED_PROXY_HOPS); absent for in-process operations. */
  client?: ClientInfo;
  /** Names the request in the audit log and in `X-Request-Id`; absent for in-process operations. */
  requestId?: string;
  /** Extra response headers (rate-limit, deprecation) set by plugins. */
  responseHeaders: Map<string, string>;
  /** Aborts once the client has gone before its answer was sent: the subgraph calls made for it stop and free their slots. */
  signal?: AbortSignal;
}
