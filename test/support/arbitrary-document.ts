import fc from "fast-check";
import type { FirewallMarkInput, LvsDocumentInput, RealServerInput, VirtualServerInput } from "@/lib/domain/schema";
import { LVS_CF_SCHEDULERS, SCHEDULERS } from "@/lib/domain/schema";

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

type HealthCheckInput = NonNullable<VirtualServerInput["healthCheck"]>;

/** Health checks of every type, with and without their optional fields. */
export const healthCheckArb: fc.Arbitrary<HealthCheckInput> = fc.oneof(
  fc.record({ type: fc.constantFrom("tcp" as const, "udp" as const, "smtp" as const), port: fc.option(fc.integer({ min: 1, max: 65535 }), { nil: undefined }) }),
  fc.record({
    type: fc.constantFrom("http" as const, "https" as const),
    path: fc.option(fc.constantFrom("/", "/healthz", "/a!b?x=1&y=(2)", "/status;full"), { nil: undefined }),
    statusCode: fc.option(fc.integer({ min: 100, max: 599 }), { nil: undefined }),
    digest: fc.option(fc.constant("0123456789abcdef0123456789abcdef"), { nil: undefined }),
  }),
  fc.record({ type: fc.constant("dns" as const), dnsName: fc.option(fc.constantFrom(".", "www.example.org", "example.org."), { nil: undefined }),
    dnsType: fc.option(fc.constantFrom("A" as const, "AAAA" as const, "SOA" as const), { nil: undefined }) }),
  fc.record({ type: fc.constant("misc" as const), script: fc.constantFrom("/usr/local/bin/check %h", "/usr/lib/check-web --port=80") }),
  fc.record({ type: fc.constant("none" as const) }),
).chain((hc) => fc.record({
  intervalSeconds: fc.option(fc.integer({ min: 1, max: 60 }), { nil: undefined }),
  timeoutSeconds: fc.option(fc.integer({ min: 1, max: 30 }), { nil: undefined }),
  retries: fc.option(fc.integer({ min: 0, max: 5 }), { nil: undefined }),
  retryDelaySeconds: fc.option(fc.integer({ min: 0, max: 10 }), { nil: undefined }),
}).map((timing) => {
  const out: Record<string, unknown> = { ...hc };
  for (const [k, v] of Object.entries(timing)) if (v !== undefined) out[k] = v;
  for (const [k, v] of Object.entries(hc)) if (v === undefined) delete out[k];
  return out as HealthCheckInput;
}));

interface BundlePlan {
  family: 4 | 6;
  protocol: "tcp" | "udp" | "both";
  ports: string[];
  description: string | undefined;
  services: number;
  persistence: number;
  scheduler: (typeof SCHEDULERS)[number];
  weights: number[];
  device: boolean;
  vipNetmask: string | undefined;
  healthCheck: HealthCheckInput | undefined;
  sorry: "none" | "host" | "same-port" | "other-port";
  realPort: boolean;
}

const bundlePlan: fc.Arbitrary<BundlePlan> = fc.record({
  family: fc.constantFrom(4 as const, 6 as const),
  protocol: fc.constantFrom("tcp" as const, "udp" as const, "both" as const),
  ports: fc.array(portSpec, { minLength: 1, maxLength: 25 }),
  description: fc.option(hostileText().map((s) => s.slice(0, 200)), { nil: undefined }),
  services: fc.integer({ min: 0, max: 2 }),
  persistence: fc.constantFrom(0, 60, 300),
  // Half the time only what Piranha accepts, so many documents are clean for lvs.cf too.
  scheduler: fc.oneof(fc.constantFrom(...LVS_CF_SCHEDULERS), fc.constantFrom(...SCHEDULERS)),
  weights: fc.array(fc.integer({ min: 0, max: 65535 }), { maxLength: 3 }),
  device: fc.integer({ min: 0, max: 4 }).map((n) => n > 0),
  vipNetmask: fc.constantFrom(undefined, "0.0.0.0", "255.255.255.0", "255.255.255.255"),
  healthCheck: fc.option(healthCheckArb, { nil: undefined }),
  sorry: fc.constantFrom("none" as const, "host" as const, "same-port" as const, "other-port" as const),
  realPort: fc.boolean(),
});

function realServers(family: 4 | 6, group: number, weights: number[], port?: number): RealServerInput[] {
  return weights.map((weight, i) => ({
    name: name("rs", i),
    address: family === 4 ? ipv4(2, group % 256, i + 1) : ipv6(0x1000 + group, i + 1),
    weight,
    ...(port === undefined ? {} : { port: port + i }),
  }));
}

// Settings every virtual server of a plan shares; only the NAT case remaps ports.
function serviceExtras(p: BundlePlan, i: number, port: number, network: string): Partial<VirtualServerInput> {
  const sorryHost = p.family === 4 ? ipv4(3, i, 99) : ipv6(0x300 + i, 0x99);
  const sorryWithPort = (n: number) => (p.family === 4 ? `${sorryHost}:${n}` : `[${sorryHost}]:${n}`);
  const sorry = { none: undefined, host: sorryHost, "same-port": sorryWithPort(port), "other-port": network === "nat" ? sorryWithPort(port + 1) : undefined }[p.sorry];
  return {
    ...(p.device ? { device: `eth0:${i}` } : {}),
    ...(p.vipNetmask === undefined || p.family === 6 ? {} : { vipNetmask: p.vipNetmask }),
    ...(p.healthCheck === undefined ? {} : { healthCheck: p.healthCheck }),
    ...(sorry === undefined ? {} : { sorryServer: sorry }),
  };
}

// Each bundle gets its own VIP, so bundles never overlap; services sharing a
// mark share persistence. The documents are valid and free of lint errors.
/** Random valid interchange documents with no error-level lint diagnostics. */
export function arbitraryDocument(): fc.Arbitrary<LvsDocumentInput> {
  return fc.record({
    network: fc.constantFrom("nat" as const, "direct" as const, "tunnel" as const),
    marks: fc.uniqueArray(fc.oneof(fc.integer({ min: 1, max: 2147483647 }), fc.integer({ min: 1, max: 4294967295 })), { minLength: 1, maxLength: 6 }),
    plans: fc.array(bundlePlan, { minLength: 6, maxLength: 6 }),
    monitor: fc.option(fc.record({ send: fc.string({ unit: fc.constantFrom(...SAFE_HEALTH), minLength: 1, maxLength: 40 }) }), { nil: undefined }),
    serialNo: fc.integer({ min: 0, max: 2147483647 }),
    pair: fc.record({
      backup: fc.constantFrom("none" as const, "public" as const, "private" as const, "primary-private-only" as const),
      syncDaemon: fc.boolean(),
      vrrp: fc.option(fc.record({
        routerId: fc.option(fc.integer({ min: 1, max: 255 }), { nil: undefined }),
        preempt: fc.boolean(),
        advertSeconds: fc.option(fc.integer({ min: 1, max: 10 }), { nil: undefined }),
        interface: fc.option(fc.constantFrom("eth0", "bond0"), { nil: undefined }),
      }), { nil: undefined }),
    }),
  }).map(({ network, marks, plans, monitor, serialNo, pair }) => {
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
          ...serviceExtras(p, i, 1000 + s, network),
        });
      }
      if (p.services === 0 && i % 2 === 0) {
        const realPort = network === "nat" && p.realPort ? 9000 + i : undefined;
        virtualServers.push({ name: name("port", i), vip: p.family === 4 ? ipv4(1, i, 20) : ipv6(0x200 + i, 0x20), port: 8000 + i,
          scheduler: p.scheduler, realServers: realServers(p.family, 100 + i, p.weights, realPort), ...serviceExtras(p, 50 + i, 8000 + i, network) });
      }
    });
    const privateIp = pair.backup === "private" || pair.backup === "primary-private-only" ? { privateIp: "10.9.0.2" } : {};
    const backup = pair.backup === "none" ? {}
      : { backup: { enabled: true, publicIp: "192.0.2.3", ...(pair.backup === "private" ? { privateIp: "10.9.0.3" } : {}) } };
    const vrrp = pair.vrrp === undefined ? {} : { vrrp: Object.fromEntries(Object.entries(pair.vrrp).filter(([, v]) => v !== undefined)) };
    return {
      version: 1 as const,
      cluster: {
        name: "random", primary: { publicIp: "192.0.2.2", ...privateIp }, network, serialNo, syncDaemon: pair.syncDaemon, ...backup, ...vrrp,
        ...(network === "nat" ? { natRouter: { ip: "10.0.0.1", netmask: "255.255.255.0", device: "eth1:1" } } : {}),
      },
      firewallMarks,
      virtualServers,
    };
  });
}
