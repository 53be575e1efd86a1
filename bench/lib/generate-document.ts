// Generated interchange documents for the benchmarks: N bundles, N firewall-mark
// virtual servers (one per bundle), 10 real servers each; valid and lint-clean.
import type { LvsDocumentInput } from "../../lib/domain/schema";

/** Real servers behind every generated virtual server. */
export const REAL_SERVERS_PER_SERVICE = 10;

/** The i-th VIP (i from 0): 172.16.0.1, 172.16.0.2, … — one VIP per bundle, so bundles never overlap. */
export function vipOf(i: number): string {
  const n = i + 1;
  return `172.${16 + (n >> 16)}.${(n >> 8) & 255}.${n & 255}`;
}

/** The j-th real server of the i-th virtual server. */
export function realAddressOf(i: number, j: number): string {
  return `10.${(i >> 8) & 255}.${i & 255}.${j + 1}`;
}

/** Mark of the i-th bundle. */
export const markOf = (i: number) => 1000 + i;

/** A direct-routing cluster document with `n` bundles and `n` virtual servers. */
export function generateDocument(n: number, name = `bench-${n}`): LvsDocumentInput {
  const firewallMarks = Array.from({ length: n }, (_, i) => ({
    mark: markOf(i),
    name: `b${i}`,
    description: `bench bundle ${i}`,
    vip: vipOf(i),
    protocol: "tcp" as const,
    // HTTP + HTTPS + an alternate range: two single ports and a range per bundle.
    ports: ["80", "443", "8000-8099"],
  }));
  const virtualServers = Array.from({ length: n }, (_, i) => ({
    name: `vs${i}`,
    vip: vipOf(i),
    // Piranha's lvs.cf needs the interface that holds the VIP (address = IP DEVICE).
    device: "eth0",
    port: 80,
    protocol: "tcp" as const,
    firewallMark: markOf(i),
    scheduler: "wlc" as const,
    persistence: { timeoutSeconds: 300 },
    monitor: { send: "GET / HTTP/1.0\\r\\n\\r\\n", expect: "HTTP" },
    realServers: Array.from({ length: REAL_SERVERS_PER_SERVICE }, (_, j) => ({
      name: `r${i}-${j}`,
      address: realAddressOf(i, j),
      weight: 1 + (j % 3),
    })),
  }));
  return {
    version: 1,
    cluster: {
      name,
      primary: { publicIp: "192.0.2.2", privateIp: "10.255.0.2" },
      network: "direct",
      backup: { enabled: true, publicIp: "192.0.2.3", privateIp: "10.255.0.3" },
    },
    firewallMarks,
    virtualServers,
  };
}
