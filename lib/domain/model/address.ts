import ipaddr from "ipaddr.js";

/** Address family of an IP address: 4 or 6. */
export type Family = 4 | 6;

/** A parsed address: its family and canonical text (RFC 5952 for IPv6). */
export interface ParsedAddress {
  family: Family;
  canonical: string;
}

// Validation, lint and every renderer ask about the same addresses many times
// (a 10,000-service document re-parsed them about a million times); results are
// immutable, so a bounded cache keeps that linear without holding memory forever.
const CACHE_LIMIT = 1 << 18;
const cache = new Map<string, Readonly<ParsedAddress> | null>();

// A dotted quad without leading zeros is already canonical: no parse needed.
// Checked by hand: validation, lint and the renderers ask this of every real
// server, and the equivalent regular expression was a tenth of a 10k render.
function isCanonicalIpv4(text: string): boolean {
  const n = text.length;
  if (n < 7 || n > 15) return false;
  let dots = 0;
  let start = 0;
  for (let i = 0; i <= n; i++) {
    const c = i === n ? 46 : text.charCodeAt(i);
    if (c === 46) {
      const len = i - start;
      if (len === 0 || len > 3 || (len > 1 && text.charCodeAt(start) === 48)) return false;
      if (len === 3 && Number(text.slice(start, i)) > 255) return false;
      if (i < n && ++dots > 3) return false;
      start = i + 1;
    } else if (c < 48 || c > 57) return false;
  }
  return dots === 3;
}

// IPv4 must be a plain dotted quad (ipaddr.js would otherwise accept "127.1" or
// hex parts); IPv6 may not carry a zone id or embed an IPv4 address.
/** Parses an IPv4 or IPv6 address strictly; null when it is not one. */
export function parseAddress(text: string): Readonly<ParsedAddress> | null {
  if (isCanonicalIpv4(text)) return { family: 4, canonical: text };
  const hit = cache.get(text);
  if (hit !== undefined) return hit;
  const parsed = parseUncached(text);
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(text, parsed === null ? null : Object.freeze(parsed));
  return parsed;
}

function parseUncached(text: string): ParsedAddress | null {
  if (ipaddr.IPv4.isValidFourPartDecimal(text)) {
    return { family: 4, canonical: ipaddr.IPv4.parse(text).toString() };
  }
  if (!text.includes(":") || text.includes(".") || !ipaddr.IPv6.isValid(text)) return null;
  const v6 = ipaddr.IPv6.parse(text);
  if (v6.zoneId !== undefined) return null;
  return { family: 6, canonical: v6.toString() };
}

/** Family of an address already validated by the schema (defaults to 4 when unparsable). */
export function familyOf(text: string): Family {
  return parseAddress(text)?.family ?? 4;
}

/** Canonical text of a validated address (the input itself when unparsable). */
export function canonicalAddress(text: string): string {
  return parseAddress(text)?.canonical ?? text;
}

/** Prefix length of a contiguous dotted IPv4 netmask, or null when not one. */
export function ipv4MaskPrefix(text: string): number | null {
  if (!ipaddr.IPv4.isValidFourPartDecimal(text)) return null;
  return ipaddr.IPv4.parse(text).prefixLengthFromSubnetMask();
}

/** Dotted IPv4 netmask for a prefix length 0..32. */
export function ipv4MaskFromPrefix(prefix: number): string {
  return ipaddr.IPv4.subnetMaskFromPrefixLength(prefix).toString();
}

/** A host with an optional port, e.g. a sorry server. */
export interface HostPort {
  address: ParsedAddress;
  port?: number;
}

/** Parses `a.b.c.d`, `a.b.c.d:port`, `v6` or `[v6]:port`; null when malformed. */
export function parseHostPort(text: string): HostPort | null {
  const bracketed = /^\[([^\]]+)\](?::(\d{1,5}))?$/.exec(text);
  if (bracketed) {
    const address = parseAddress(bracketed[1] ?? "");
    if (!address || address.family !== 6) return null;
    return withPort(address, bracketed[2]);
  }
  const v4WithPort = /^([^:]+):(\d{1,5})$/.exec(text);
  if (v4WithPort) {
    const address = parseAddress(v4WithPort[1] ?? "");
    if (!address || address.family !== 4) return null;
    return withPort(address, v4WithPort[2]);
  }
  const address = parseAddress(text);
  return address ? { address } : null;
}

function withPort(address: ParsedAddress, port: string | undefined): HostPort | null {
  if (port === undefined) return { address };
  const n = Number(port);
  if (!/^[1-9]\d*$/.test(port) || n > 65535) return null;
  return { address, port: n };
}
