import { lookup as dnsLookup } from 'node:dns';
import { isIP, BlockList } from 'node:net';
import type { LookupFunction } from 'node:net';

/**
 * Server-side request forgery: a webhook URL must not make Starling call into its own
 * network. Addresses on loopback, private (RFC 1918, fc00::/7), link-local (including
 * the 169.254.169.254 metadata service), unspecified, CGNAT, benchmarking, multicast and
 * reserved ranges are refused, in IPv4 and IPv6 alike (an IPv4-mapped or NAT64 IPv6
 * address is judged by the IPv4 address it carries). Names are judged by every address
 * they resolve to, and the sender connects to the very address that was judged
 * (`guardedLookup`), so a name that changes between check and connect gains nothing.
 */
const internal = new BlockList();
for (const [net, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.0.2.0', 24],
  ['192.88.99.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['198.51.100.0', 24],
  ['203.0.113.0', 24],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
] as const) {
  internal.addSubnet(net, prefix, 'ipv4');
}
for (const [net, prefix] of [
  ['::', 128],
  ['::1', 128],
  ['64:ff9b:1::', 48],
  ['100::', 64],
  ['2001:db8::', 32],
  ['fc00::', 7],
  ['fe80::', 10],
  ['fec0::', 10],
  ['ff00::', 8],
] as const) {
  internal.addSubnet(net, prefix, 'ipv6');
}

/** The IPv4 address an IPv6 address carries (IPv4-mapped, IPv4-compatible, NAT64), if any. */
function embeddedIpv4(address: string): string | undefined {
  const lower = address.toLowerCase();
  const dotted = /^(?:::ffff:|::|64:ff9b::)(\d+\.\d+\.\d+\.\d+)$/.exec(lower);
  if (dotted) return dotted[1];
  const hex = /^(?:::ffff:|64:ff9b::)([0-9a-f]{1,4}):([0-9a-f]{1,4})$/.exec(lower);
  if (!hex) return undefined;
  const high = parseInt(hex[1]!, 16);
  const low = parseInt(hex[2]!, 16);
  return [high >> 8, high & 255, low >> 8, low & 255].join('.');
}

/** Whether `address` (an IP literal) is one a webhook may never reach. */
export function isInternalAddress(address: string): boolean {
  const bare = address.replace(/^\[|\]$/g, '').replace(/%.*$/, '');
  const family = isIP(bare);
  if (family === 4) return internal.check(bare, 'ipv4');
  if (family !== 6) return true;
  const v4 = embeddedIpv4(bare);
  if (v4 !== undefined) return internal.check(v4, 'ipv4');
  return internal.check(bare, 'ipv6');
}

export class RefusedAddress extends Error {
  override name = 'RefusedAddress';
}

/** Why `url` is not a webhook URL at all (scheme, credentials), or undefined. */
export function refusedUrl(url: string): string | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return 'is not a URL';
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return 'must be an http or https URL';
  if (parsed.username || parsed.password) return 'must not hold credentials';
  if (!parsed.hostname) return 'must name a host';
  return undefined;
}

const resolveAll = (host: string) =>
  new Promise<Array<{ address: string; family: number }>>((resolve, reject) =>
    dnsLookup(host, { all: true, verbatim: true }, (err, addresses) => (err ? reject(err) : resolve(addresses))),
  );

/** A URL's host as an address or name, without the brackets of an IPv6 literal. */
export const hostOf = (url: URL) => url.hostname.replace(/^\[|\]$/g, '');

/**
 * Why `url` may not be called, after resolving its host; undefined when it may.
 * With `allowPrivate` every resolvable host may.
 */
export async function refusedDestination(url: string, allowPrivate: boolean): Promise<string | undefined> {
  const wrong = refusedUrl(url);
  if (wrong) return wrong;
  const host = hostOf(new URL(url));
  if (isIP(host)) return !allowPrivate && isInternalAddress(host) ? 'is an internal address' : undefined;
  let addresses: Array<{ address: string }>;
  try {
    addresses = await resolveAll(host);
  } catch {
    return 'names a host that does not resolve';
  }
  if (addresses.length === 0) return 'names a host that does not resolve';
  if (!allowPrivate && addresses.some((a) => isInternalAddress(a.address))) {
    return 'resolves to an internal address';
  }
  return undefined;
}

/**
 * A `lookup` for node:http that resolves as usual and refuses, unless `allowPrivate`,
 * when any address is internal; the connection goes to the address returned here.
 */
export function guardedLookup(allowPrivate: boolean): LookupFunction {
  return (hostname, options, callback) => {
    resolveAll(hostname).then(
      (addresses) => {
        const refused = !allowPrivate && addresses.some((a) => isInternalAddress(a.address));
        const family = typeof options === 'object' && options.family ? options.family : 0;
        const usable = addresses.filter((a) => family === 0 || a.family === family);
        const chosen = usable[0];
        if (refused) return callback(new RefusedAddress(`${hostname} resolves to an internal address`), '', 4);
        if (!chosen) return callback(new Error(`${hostname} does not resolve`), '', 4);
        if (typeof options === 'object' && options.all) {
          return (callback as unknown as (e: null, a: typeof usable) => void)(null, usable);
        }
        return callback(null, chosen.address, chosen.family);
      },
      (err: NodeJS.ErrnoException) => callback(err, '', 4),
    );
  };
}
