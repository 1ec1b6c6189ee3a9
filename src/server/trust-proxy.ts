import { BlockList, isIP } from 'node:net';

/** Which proxies in front may speak for the client: none, a number of hops counted from this server, or their addresses. */
export type TrustProxy = false | number | string[];

/** proxy-addr's names for address ranges, which Fastify's trustProxy accepts too. */
const NAMED_RANGES: Record<string, string[]> = {
  loopback: ['127.0.0.1/8', '::1/128'],
  linklocal: ['169.254.0.0/16', 'fe80::/10'],
  uniquelocal: ['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16', 'fc00::/7'],
};

/** TRUST_PROXY: unset or «false»; «true» for the one TLS-terminating proxy in front; a number of hops; or addresses and CIDRs. */
export function parseTrustProxy(value: string | undefined): TrustProxy {
  const text = value?.trim() ?? '';
  if (text === '' || text === 'false') return false;
  if (text === 'true') return 1;
  if (/^\d+$/.test(text)) return Number(text);
  return text
    .split(',')
    .map((a) => a.trim())
    .filter(Boolean);
}

/** The entries of a TRUST_PROXY list that are neither an address, a CIDR nor a named range. */
export function invalidTrustProxyEntries(trust: TrustProxy): string[] {
  return Array.isArray(trust) ? trust.filter((entry) => !NAMED_RANGES[entry] && !parseRange(entry)) : [];
}

/**
 * Whether the peer this server talks to directly is a trusted proxy, so that what it says about the request
 * (its X-Request-Id) may be believed.
 */
export function peerIsTrustedProxy(trust: TrustProxy): (address: string | undefined) => boolean {
  if (trust === false || trust === 0) return () => false;
  if (typeof trust === 'number') return (address) => address !== undefined;
  const list = new BlockList();
  for (const entry of trust.flatMap((e) => NAMED_RANGES[e] ?? [e])) {
    const range = parseRange(entry);
    if (range) list.addSubnet(range.address, range.prefix, range.family);
  }
  return (address) => {
    if (!address) return false;
    const plain = address.startsWith('::ffff:') && isIP(address.slice(7)) === 4 ? address.slice(7) : address;
    const family = isIP(plain);
    return family !== 0 && list.check(plain, family === 4 ? 'ipv4' : 'ipv6');
  };
}

function parseRange(entry: string): { address: string; prefix: number; family: 'ipv4' | 'ipv6' } | null {
  const [address = '', prefixText, ...rest] = entry.split('/');
  const version = isIP(address);
  if (version === 0 || rest.length > 0) return null;
  const max = version === 4 ? 32 : 128;
  if (prefixText !== undefined && !/^\d{1,3}$/.test(prefixText)) return null;
  const prefix = prefixText === undefined ? max : Number(prefixText);
  if (prefix > max) return null;
  return { address, prefix, family: version === 4 ? 'ipv4' : 'ipv6' };
}
