import ipaddr from 'ipaddr.js';
import { FetchError } from './fetch-error.js';

type Address = ipaddr.IPv4 | ipaddr.IPv6;

/**
 * Names of cloud metadata services, refused before any lookup: on a cloud VM
 * they answer with credentials, whatever address a resolver gives for them.
 */
const METADATA_HOSTNAMES = new Set([
  'metadata.google.internal',
  'metadata.goog',
  'metadata',
  'instance-data',
  'instance-data.ec2.internal',
  'metadata.tencentyun.com',
]);

/** What people call each kind of address the bot won't dial. */
const RANGE_NAMES: Record<string, string> = {
  loopback: 'a loopback address (this machine)',
  private: 'a private network address',
  uniqueLocal: 'a private network address',
  linkLocal: 'a link-local address, where cloud metadata services live',
  carrierGradeNat: 'a carrier-grade NAT address',
  unspecified: 'an unspecified address',
  multicast: 'a multicast address',
  broadcast: 'a broadcast address',
};

/**
 * Why `address` must not be dialled, or undefined for an ordinary public
 * unicast address. Anything ipaddr.js classes as special-purpose (the IANA
 * registries: loopback, RFC 1918, link-local, CGNAT, 0/8, multicast,
 * documentation, benchmarking, 240/4…) is refused; IPv6 forms that carry an
 * IPv4 address (mapped ::ffff:a.b.c.d, NAT64 64:ff9b::/96, 6to4 2002::/16)
 * are judged by the IPv4 address inside.
 */
export function refusedRange(address: string): string | undefined {
  if (!ipaddr.isValid(address)) return 'not an IP address';
  const range = judge(ipaddr.parse(address));
  return range === 'unicast' ? undefined : (RANGE_NAMES[range] ?? `a reserved address (${range})`);
}

function judge(address: Address): string {
  if (address.kind() === 'ipv4') return address.range();
  const v6 = address as ipaddr.IPv6;
  const range = v6.range();
  if (range === 'ipv4Mapped' || range === 'rfc6145') return v6.toIPv4Address().range();
  if (range === 'rfc6052') return embeddedIPv4(v6, 12).range();
  if (range === '6to4') return embeddedIPv4(v6, 2).range();
  // ::a.b.c.d (IPv4-compatible, deprecated) is unicast to ipaddr.js but no public site uses it.
  if (range === 'unicast' && v6.parts.slice(0, 6).every((part) => part === 0)) return 'reserved';
  return range;
}

function embeddedIPv4(address: ipaddr.IPv6, byteOffset: number): ipaddr.IPv4 {
  return new ipaddr.IPv4(address.toByteArray().slice(byteOffset, byteOffset + 4));
}

/** An IPv4-mapped IPv6 address as its IPv4 address, so allow-list entries of either form match. */
function canonical(address: string): Address {
  return ipaddr.process(address);
}

/**
 * Which hosts may be fetched: every public address, plus what the allow-list
 * names. An allow-list entry is a hostname (exact, or `*.example.org` for its
 * subdomains), an IP address or a CIDR range; an address entry allows that
 * address however it was reached (by IP in the URL or by any name resolving to it).
 */
export interface AddressPolicy {
  /** Throws `refused-address` for a metadata hostname (checked before any lookup). */
  checkHostname(hostname: string): void;
  /** Throws `refused-address` unless `address` (what `hostname` resolved to, or is) may be dialled. */
  checkAddress(hostname: string, address: string): void;
}

/** A hostname label: letters, digits, hyphens inside (underscores too, which intranet names use). */
const LABEL = '[a-z0-9_](?:[a-z0-9_-]*[a-z0-9_])?';
const HOSTNAME_ENTRY = new RegExp(`^(?:\\*\\.)?(?:${LABEL}\\.)*${LABEL}\\.?$`, 'i');

/**
 * Whether an allow-list entry is one the policy understands: an IP, a CIDR
 * range, a hostname or `*.` and a domain. Anything else ("*", a URL, a range
 * with a bad prefix) would otherwise be taken as a name nothing matches, and
 * the setting silently do nothing.
 */
export function isAllowListEntry(entry: string): boolean {
  const text = entry.trim();
  if (ipaddr.isValidCIDR(text) || ipaddr.isValid(text)) return true;
  // A name whose last label is a number is an IPv4 address to URL parsers ("300.1.1.1" is no name).
  return HOSTNAME_ENTRY.test(text) && !/(?:^|\.)\d+\.?$/.test(text);
}

export function createAddressPolicy(allowHosts: readonly string[]): AddressPolicy {
  const names: string[] = [];
  const ranges: [Address, number][] = [];
  for (const entry of allowHosts.map((host) => host.trim().toLowerCase()).filter(Boolean)) {
    if (ipaddr.isValidCIDR(entry)) ranges.push(ipaddr.parseCIDR(entry));
    else if (ipaddr.isValid(entry)) {
      const address = canonical(entry);
      ranges.push([address, address.kind() === 'ipv4' ? 32 : 128]);
    } else names.push(normaliseHostname(entry));
  }
  const nameAllowed = (hostname: string) =>
    names.some((name) => (name.startsWith('*.') ? hostname.endsWith(name.slice(1)) : hostname === name));
  const addressAllowed = (address: string) => {
    const parsed = canonical(address);
    return ranges.some(([base, bits]) => base.kind() === parsed.kind() && parsed.match(base, bits));
  };

  return {
    checkHostname(hostname) {
      const name = normaliseHostname(hostname);
      if (METADATA_HOSTNAMES.has(name) && !nameAllowed(name)) {
        throw new FetchError('refused-address', `${name} is a cloud metadata service, which the bot never fetches`);
      }
    },
    checkAddress(hostname, address) {
      const refused = refusedRange(address);
      const name = normaliseHostname(hostname);
      if (refused === undefined || nameAllowed(name) || addressAllowed(address)) return;
      const what = name === address ? `${address} is ${refused}` : `${name} resolves to ${refused} (${address})`;
      throw new FetchError('refused-address', `${what}; the bot only fetches public web addresses`);
    },
  };
}

/** Lowercase, without the brackets of an IPv6 literal or a trailing root dot. */
export function normaliseHostname(hostname: string): string {
  const lower = hostname.toLowerCase();
  const unbracketed = lower.startsWith('[') && lower.endsWith(']') ? lower.slice(1, -1) : lower;
  return unbracketed.endsWith('.') ? unbracketed.slice(0, -1) : unbracketed;
}
