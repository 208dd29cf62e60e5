import { timingSafeEqual } from 'node:crypto';
import { isIP } from 'node:net';

/** Where a request came from, as the gateway saw it: the client's address and user agent. */
export interface ClientInfo {
  address: string;
  userAgent: string | null;
  /** The gateway's id of the request, when it came through the gateway. */
  requestId?: string;
}

/** Headers the gateway adds to every subgraph request; subgraphs believe them only from the gateway. */
export const clientHeaders = { address: 'cip-client-address', userAgent: 'cip-client-user-agent', requestId: 'cip-request-id' } as const;

export const gatewayCredentialHeader = 'gateway-authorization';

const unknownAddress = 'unknown';

/** IPv4 clients of a dual-stack socket appear as `::ffff:a.b.c.d`; one client, one spelling. */
export function canonicalAddress(address: string | undefined | null): string {
  const value = address?.trim() ?? '';
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(value);
  const plain = mapped ? mapped[1] : value;
  return isIP(plain) ? plain.toLowerCase() : unknownAddress;
}

/**
 * The client's address at the gateway: the socket's peer, or, behind `hops` proxies the operator trusts
 * (TRUSTED_PROXY_HOPS), the address the outermost trusted proxy appended to `X-Forwarded-For`. Entries
 * left of that are the client's own claims and are ignored.
 */
export function clientAddressAtEdge(socketAddress: string | undefined, forwardedFor: string | string[] | undefined, hops: number): string {
  if (hops <= 0) return canonicalAddress(socketAddress);
  const entries = [forwardedFor ?? []].flat().join(',').split(',').map((part) => part.trim()).filter(Boolean);
  return canonicalAddress(entries.length >= hops ? entries[entries.length - hops] : entries[0]);
}

/** Whether a request carries the gateway's credential (always true when none is configured: local tests, in-process calls). */
export function fromGateway(headers: Headers, gatewaySecret: string | undefined): boolean {
  if (!gatewaySecret) return true;
  const presented = Buffer.from(headers.get(gatewayCredentialHeader) ?? '');
  const expected = Buffer.from(gatewaySecret);
  return presented.length === expected.length && timingSafeEqual(presented, expected);
}

/** The client of a subgraph request: what the gateway forwarded, or unknown when the request did not come through it. */
export function clientInfoOf(headers: Headers, gatewaySecret: string | undefined): ClientInfo {
  if (!fromGateway(headers, gatewaySecret)) return { address: unknownAddress, userAgent: null };
  return {
    address: canonicalAddress(headers.get(clientHeaders.address)),
    userAgent: headers.get(clientHeaders.userAgent)?.slice(0, 512) || null,
    ...(headers.get(clientHeaders.requestId) ? { requestId: headers.get(clientHeaders.requestId)!.slice(0, 200) } : {}),
  };
}
