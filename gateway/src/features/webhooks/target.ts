import { lookup } from 'node:dns';
import { lookup as lookupAll } from 'node:dns/promises';
import type { LookupFunction } from 'node:net';
import ipaddr from 'ipaddr.js';

const globalUnicastV6 = ipaddr.parseCIDR('2000::/3');

/**
 * Why an address may not be called, or null for a public unicast one. IPv4-mapped IPv6 is judged as the
 * IPv4 address it carries; other IPv6 addresses must be global unicast (2000::/3) outside every special
 * range, which also refuses the forms that embed an IPv4 address (IPv4-compatible `::a.b.c.d`, NAT64,
 * 6to4, Teredo), since where they lead depends on the network they are sent from.
 */
export function refusedAddress(address: string): string | null {
  const parsed = ipaddr.process(address);
  const range = parsed.range();
  if (range === 'unicast' && (parsed.kind() === 'ipv4' || parsed.match(globalUnicastV6))) return null;
  const kind = range === 'unicast' ? 'non-global' : range;
  return `is a ${kind} address (${parsed.toString()}); webhooks are delivered to public addresses only`;
}

/**
 * Why a webhook URL may not be called, or null when it may: its host must be, or resolve only to,
 * public unicast addresses, so an endpoint cannot point the gateway at itself, the cluster's private
 * network or a cloud metadata service. The URL parser has already turned decimal, octal, hexadecimal
 * and shortened IPv4 hosts into dotted form. Checked when an endpoint is registered and again before
 * every delivery (an address a name resolves to can change).
 */
export async function refusedTarget(url: string, options: { allowPrivate: boolean }): Promise<string | null> {
  if (options.allowPrivate) return null;
  const host = new URL(url).hostname.replace(/^\[|\]$/g, '');
  let addresses: string[];
  if (ipaddr.isValid(host)) addresses = [host];
  else {
    try {
      addresses = (await lookupAll(host, { all: true, verbatim: true })).map((entry) => entry.address);
    } catch {
      return `the host ${host} does not resolve`;
    }
  }
  for (const address of addresses) {
    const refused = refusedAddress(address);
    if (refused) return `the host ${host} ${refused}`;
  }
  return null;
}

/**
 * A DNS lookup for the delivery's own connection that fails on a refused address, so the address
 * connected to is one that was checked (a name cannot resolve to a public address for the check and to
 * a private one for the request).
 */
export const guardedLookup: LookupFunction = (hostname, options, callback) => {
  lookup(hostname, { ...options, verbatim: true }, (error, address, family) => {
    if (error) return callback(error, address as never, family);
    const entries = Array.isArray(address) ? address : [{ address, family }];
    for (const entry of entries) {
      const refused = refusedAddress(entry.address);
      if (refused) return callback(Object.assign(new Error(`the host ${hostname} ${refused}`), { code: 'EWEBHOOKTARGET' }), address as never, family);
    }
    callback(null, address as never, family);
  });
};
