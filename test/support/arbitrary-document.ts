import fc from "fast-check";
import type { FirewallMarkInput, LvsDocumentInput, RealServerInput, VirtualServerInput } from "@/lib/domain/schema";
import { SCHEDULERS } from "@/lib/domain/schema";

/** Characters that break shells, configs and comments when they leak out of one. */
export const HOSTILE_PIECES = [
  "\n", "\r\n", "\r", "\t", "\u0000", "\u0007", "\u001b[31m", "'", '"', "$(id)", "`id`", "${IFS}", ";", "&&", "|", "#", "!", "@",
  "{", "}", "(", ")", "\\", "\\\n", "*", "?", "~", "<", ">", "\u2028", "\u2029", "\u202e", "\ufeff", "é".repeat(300), "🙂".repeat(80),
  "LVS_CONSOLE_RULES", "COMMIT", "-A PREROUTING -j DROP", "%h", "..", "-", " ", "}\n}\nvirtual_server 1.2.3.4 80 {",
] as const;

/** Free text mixing hostile pieces with arbitrary unicode, optionally around a canary token. */
export function hostileText(canary = ""): fc.Arbitrary<string> {
  const piece = fc.oneof(fc.constantFrom(...HOSTILE_PIECES), fc.string({ unit: "binary", maxLength: 12 }), fc.string({ maxLength: 12 }));
  return fc.tuple(fc.array(piece, { maxLength: 6 }), fc.array(piece, { maxLength: 6 })).map(([a, b]) => `${a.join("")}${canary}${b.join("")}`);
}

const SAFE_HEALTH = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789 /.:-_";
const name = (prefix: string, i: number) => `${prefix}${i}`;
const ipv4 = (a: number, b: number, c: number) => `198.${18 + a}.${b}.${c}`;
const ipv6 = (a: number, b: number) => `2001:db8:${a.toString(16)}::${b.toString(16)}`;

const portSpec = fc.oneof(
  fc.integer({ min: 1, max: 65535 }).map(String),
  fc.tuple(fc.integer({ min: 1, max: 65535 }), fc.integer({ min: 0, max: 2000 }), fc.boolean())
    .map(([lo, span, colon]) => `${lo}${colon ? ":" : "-"}${Math.min(65535, lo + span)}`),
);

interface BundlePlan {
  family: 4 | 6;
  protocol: "tcp" | "udp" | "both";
  ports: string[];
  description: string | undefined;
  services: number;
  persistence: number;
  scheduler: (typeof SCHEDULERS)[number];
  weights: number[];
}

const bundlePlan: fc.Arbitrary<BundlePlan> = fc.record({
  family: fc.constantFrom(4 as const, 6 as const),
  protocol: fc.constantFrom("tcp" as const, "udp" as const, "both" as const),
  ports: fc.array(portSpec, { minLength: 1, maxLength: 25 }),
  description: fc.option(hostileText().map((s) => s.slice(0, 200)), { nil: undefined }),
  services: fc.integer({ min: 0, max: 2 }),
  persistence: fc.constantFrom(0, 60, 300),
  scheduler: fc.constantFrom(...SCHEDULERS),
  weights: fc.array(fc.integer({ min: 0, max: 65535 }), { maxLength: 3 }),
});

function realServers(family: 4 | 6, group: number, weights: number[]): RealServerInput[] {
  return weights.map((weight, i) => ({
    name: name("rs", i),
    address: family === 4 ? ipv4(2, group % 256, i + 1) : ipv6(0x1000 + group, i + 1),
    weight,
  }));
}

// Each bundle gets its own VIP, so bundles never overlap; services sharing a
// mark share persistence. The documents are valid and free of lint errors.
/** Random valid interchange documents with no error-level lint diagnostics. */
export function arbitraryDocument(): fc.Arbitrary<LvsDocumentInput> {
  return fc.record({
    network: fc.constantFrom("nat" as const, "direct" as const, "tunnel" as const),
    marks: fc.uniqueArray(fc.integer({ min: 1, max: 4294967295 }), { minLength: 1, maxLength: 6 }),
    plans: fc.array(bundlePlan, { minLength: 6, maxLength: 6 }),
    monitor: fc.option(fc.record({ send: fc.string({ unit: fc.constantFrom(...SAFE_HEALTH), minLength: 1, maxLength: 40 }) }), { nil: undefined }),
    serialNo: fc.integer({ min: 0, max: 2147483647 }),
  }).map(({ network, marks, plans, monitor, serialNo }) => {
    const firewallMarks: FirewallMarkInput[] = [];
    const virtualServers: VirtualServerInput[] = [];
    marks.forEach((mark, i) => {
      const p = plans[i]!;
      const vip = p.family === 4 ? ipv4(0, i, 10) : ipv6(0x100 + i, 0x10);
      firewallMarks.push({ mark, name: name("bundle", i), vip, protocol: p.protocol, ports: p.ports, ...(p.description === undefined ? {} : { description: p.description }) });
      for (let s = 0; s < p.services; s++) {
        virtualServers.push({
          name: name(`vs${i}-`, s), vip, port: 1000 + s, protocol: p.protocol === "udp" ? "udp" : "tcp", firewallMark: mark,
          scheduler: p.scheduler, persistence: { timeoutSeconds: p.persistence, ...(p.persistence > 0 ? { netmask: p.family === 4 ? "255.255.255.0" : 64 } : {}) },
          ...(monitor && p.family === 4 ? { monitor } : {}),
          realServers: realServers(p.family, i, p.weights),
        });
      }
      if (p.services === 0 && i % 2 === 0) {
        virtualServers.push({ name: name("port", i), vip: p.family === 4 ? ipv4(1, i, 20) : ipv6(0x200 + i, 0x20), port: 8000 + i,
          scheduler: p.scheduler, realServers: realServers(p.family, 100 + i, p.weights) });
      }
    });
    return {
      version: 1 as const,
      cluster: {
        name: "random", primary: { publicIp: "192.0.2.2" }, network, serialNo,
        ...(network === "nat" ? { natRouter: { ip: "10.0.0.1", netmask: "255.255.255.0", device: "eth1:1" } } : {}),
      },
      firewallMarks,
      virtualServers,
    };
  });
}
