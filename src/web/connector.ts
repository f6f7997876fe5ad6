import { lookup } from 'node:dns/promises';
import { isIP, type Socket } from 'node:net';
import { buildConnector } from 'undici';
import type { AddressPolicy } from './address-policy.js';
import { normaliseHostname } from './address-policy.js';
import { FetchError, findFetchError } from './fetch-error.js';

/** One address a hostname resolves to. */
export interface ResolvedAddress {
  address: string;
  family: 4 | 6;
}

/** DNS lookup, injectable: tests map names to addresses without touching DNS. */
export type Resolver = (hostname: string) => Promise<readonly ResolvedAddress[]>;

/** Where to open a socket: an address already checked by the address policy, never a name. */
export interface DialTarget {
  address: string;
  family: 4 | 6;
  port: number;
  protocol: 'http:' | 'https:';
  /** The hostname for TLS (SNI and certificate check); absent when the URL names an IP. */
  servername?: string;
}

/**
 * Opens the socket, injectable: tests pass one that fails the test if asked
 * for anything but 127.0.0.1. It is given addresses only, so what was checked
 * is what is dialled and a second DNS answer (rebinding) can't slip past.
 */
export type Connector = (target: DialTarget) => Promise<Socket>;

/** Every address the system resolver gives, in its order (getaddrinfo: /etc/hosts, DNS). */
export const systemResolver: Resolver = async (hostname) =>
  (await lookup(hostname, { all: true, verbatim: true })).map(({ address, family }) => ({ address, family: family === 6 ? 6 : 4 }));

/**
 * Sockets opened by undici's own connector (TLS session reuse, keep-alive), to
 * an address rather than a name; TLS is checked against the hostname (SNI).
 * `tls.ca` trusts another certificate authority (the tests' own).
 */
export function systemConnector(connectTimeoutMs: number, tls: { ca?: string | Buffer } = {}): Connector {
  const connect = buildConnector({ timeout: connectTimeoutMs, ...tls });
  return (target) =>
    new Promise((resolve, reject) => {
      connect(
        { hostname: target.address, protocol: target.protocol, port: String(target.port), servername: target.servername ?? '' },
        (error, socket) => (error === null ? resolve(socket as Socket) : reject(error)),
      );
    });
}

/** What undici's Agent calls to open a connection (its `connect` option). */
export type UndiciConnect = (options: buildConnector.Options, callback: buildConnector.Callback) => void;

/**
 * undici's `connect` option: resolve the hostname, refuse it if any address
 * it resolves to is refused, then dial the checked addresses in turn.
 * Refusing a name with one private address among public ones is on purpose:
 * that is what a rebinding or split-horizon trick looks like.
 */
export function guardedConnect(policy: AddressPolicy, resolve: Resolver, dial: Connector): UndiciConnect {
  return (options, callback) => {
    openChecked(options, policy, resolve, dial).then(
      (socket) => callback(null, socket),
      (error: unknown) => callback(error instanceof Error ? error : new Error(String(error)), null),
    );
  };
}

async function openChecked(options: buildConnector.Options, policy: AddressPolicy, resolve: Resolver, dial: Connector): Promise<Socket> {
  const hostname = normaliseHostname(options.hostname);
  const protocol = options.protocol === 'https:' ? 'https:' : 'http:';
  const port = options.port ? Number(options.port) : protocol === 'https:' ? 443 : 80;
  policy.checkHostname(hostname);
  const family = isIP(hostname);
  const addresses = family === 0 ? await lookupChecked(resolve, hostname) : [{ address: hostname, family: family as 4 | 6 }];
  for (const { address } of addresses) policy.checkAddress(hostname, address);
  let lastError: unknown;
  for (const { address, family: addressFamily } of addresses) {
    try {
      return await dial({ address, family: addressFamily, port, protocol, ...(family === 0 ? { servername: hostname } : {}) });
    } catch (error) {
      if (findFetchError(error)) throw error;
      lastError = error;
    }
  }
  throw lastError;
}

async function lookupChecked(resolve: Resolver, hostname: string): Promise<readonly ResolvedAddress[]> {
  let addresses: readonly ResolvedAddress[];
  try {
    addresses = await resolve(hostname);
  } catch (error) {
    throw new FetchError('network', `there is no site called ${hostname} (its name doesn't resolve)`, { cause: error });
  }
  if (addresses.length === 0) throw new FetchError('network', `there is no site called ${hostname} (its name has no address)`);
  return addresses;
}
