import "server-only";
import ipaddr from "ipaddr.js";

/** Which forwarding headers to believe: none (the socket's peer is the client), a hop count, or the proxies' addresses. */
export type TrustProxy = { mode: "off" } | { mode: "hops"; hops: number } | { mode: "list"; ranges: [ipaddr.IPv4 | ipaddr.IPv6, number][] };

/** The header scripts/serve.mjs sets from the TCP socket on every request, replacing whatever a client sent. */
export const PEER_HEADER = "x-lvs-peer";

/** Why a TRUST_PROXY value is invalid, or the policy it names. Accepts off/false/0, a hop count 1-10, or a comma list of addresses and CIDRs. */
export function parseTrustProxy(text: string | undefined): TrustProxy | string {
  const value = (text ?? "").trim().toLowerCase();
  if (value === "" || value === "off" || value === "false" || value === "0") return { mode: "off" };
  if (/^\d+$/.test(value)) {
    const hops = Number(value);
    return hops >= 1 && hops <= 10 ? { mode: "hops", hops } : `got ${JSON.stringify(text)}; allowed: a hop count 1-10`;
  }
  const ranges: [ipaddr.IPv4 | ipaddr.IPv6, number][] = [];
  for (const item of value.split(",").map((s) => s.trim())) {
    try {
      if (item.includes("/")) ranges.push(ipaddr.parseCIDR(item));
      else {
        const address = ipaddr.parse(item);
        ranges.push([address, address.kind() === "ipv4" ? 32 : 128]);
      }
    } catch {
      return `got ${JSON.stringify(item)}; allowed: off, a hop count 1-10, or a comma-separated list of proxy addresses or CIDR ranges`;
    }
  }
  return { mode: "list", ranges };
}

function normalise(text: string): ipaddr.IPv4 | ipaddr.IPv6 | null {
  try {
    const a = ipaddr.parse(text.trim().replace(/^\[|\]$/g, ""));
    return a.kind() === "ipv6" && (a as ipaddr.IPv6).isIPv4MappedAddress() ? (a as ipaddr.IPv6).toIPv4Address() : a;
  } catch {
    return null;
  }
}

const trusted = (a: ipaddr.IPv4 | ipaddr.IPv6, ranges: [ipaddr.IPv4 | ipaddr.IPv6, number][]) =>
  ranges.some(([net, bits]) => net.kind() === a.kind() && a.match(net, bits));

/**
 * The client's address from the socket's peer and, only as far as TRUST_PROXY
 * allows, the X-Forwarded-For chain. Off: the peer. Hops N: the address N
 * entries left of the peer in `X-Forwarded-For, peer`. List: walking left from
 * the peer, the first address that is not a trusted proxy. Null when unknown.
 */
export function resolveClientAddress(peer: string | null, forwardedFor: string | null, trust: TrustProxy): string | null {
  const socket = peer ? normalise(peer) : null;
  if (!socket) return null;
  if (trust.mode === "off") return socket.toString();
  const forwarded = forwardedFor?.trim() ? forwardedFor.split(",").map(normalise) : [];
  const chain = [...forwarded, socket];
  if (trust.mode === "hops") {
    const index = chain.length - 1 - trust.hops;
    const picked = chain[Math.max(0, index)];
    return picked ? picked.toString() : null;
  }
  for (let i = chain.length - 1; i >= 0; i -= 1) {
    const a = chain[i];
    if (!a) return null; // a malformed entry: nothing left of it can be believed
    if (!trusted(a, trust.ranges) || i === 0) return a.toString();
  }
  return null;
}
