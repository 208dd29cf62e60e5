import { lookup } from 'node:dns/promises';
import ipaddr from 'ipaddr.js';

/**
 * Why a webhook URL may not be called, or null when it may: its host must be, or resolve only to,
 * public unicast addresses, so an endpoint cannot point the gateway at itself, the cluster's private
 * network or a cloud metadata service. Checked when an endpoint is registered and again before every
 * delivery (an address a name resolves to can change).
 */
export async function refusedTarget(url: string, options: { allowPrivate: boolean }): Promise<string | null> {
  if (options.allowPrivate) return null;
  const host = new URL(url).hostname.replace(/^\[|\]$/g, '');
  let addresses: string[];
  if (ipaddr.isValid(host)) addresses = [host];
  else {
    try {
      addresses = (await lookup(host, { all: true, verbatim: true })).map((entry) => entry.address);
    } catch {
      return `the host ${host} does not resolve`;
    }
  }
  for (const address of addresses) {
    const parsed = ipaddr.process(address);
    const range = parsed.range();
    if (range !== 'unicast') return `the host ${host} is a ${range} address (${parsed.toString()}); webhooks are delivered to public addresses only`;
  }
  return null;
}
