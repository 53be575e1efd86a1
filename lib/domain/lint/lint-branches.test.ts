import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { lvsDocumentSchema, type LvsDocumentInput } from "../schema";
import type { DiagnosticCode } from "./codes";
import { lintDocument } from "./lint-document";

// One trigger per branch of each check that a single-fault mutation run showed
// was not noticed by lint-document.test.ts (issue 16): each case names the
// branch and pairs a document that must fire with a near twin that must not.

const rs = (name: string, address: string) => ({ name, address });
const doc = (over: Partial<LvsDocumentInput> & { network?: "nat" | "direct" | "tunnel" }): LvsDocumentInput => ({
  version: 1,
  cluster: {
    name: "lab", primary: { publicIp: "192.0.2.2" }, network: over.network ?? "direct",
    ...(over.network === "nat" ? { natRouter: { ip: "10.0.0.1", netmask: "255.255.255.0", device: "eth1:1" } } : {}),
  },
  firewallMarks: over.firewallMarks ?? [],
  virtualServers: over.virtualServers ?? [],
});
const codes = (d: LvsDocumentInput): DiagnosticCode[] => lintDocument(lvsDocumentSchema.parse(d)).map((x) => x.code);
const find = (d: LvsDocumentInput, code: DiagnosticCode) => lintDocument(lvsDocumentSchema.parse(d)).filter((x) => x.code === code);

describe("PERSISTENCE_MISMATCH compares the netmask, not only the timeout", () => {
  const shared = (maskA: string, maskB: string) => doc({
    firewallMarks: [{ mark: 80, name: "web", vip: "192.0.2.10", ports: ["80", "443"] }],
    virtualServers: [
      { name: "a", vip: "192.0.2.10", port: 80, firewallMark: 80, persistence: { timeoutSeconds: 300, netmask: maskA }, realServers: [rs("r", "192.0.2.31")] },
      { name: "b", vip: "192.0.2.10", port: 443, firewallMark: 80, persistence: { timeoutSeconds: 300, netmask: maskB }, realServers: [rs("r", "192.0.2.31")] },
    ],
  });

  it("fires when the timeouts agree but the netmasks differ", () => {
    const hits = find(shared("255.255.255.255", "255.255.255.0"), "PERSISTENCE_MISMATCH");
    expect(hits.map((h) => h.path)).toEqual(["virtualServers[1].persistence"]);
    expect(hits[0]?.message).toContain("300/24");
  });

  it("stays quiet when both say the same mask", () => {
    expect(codes(shared("255.255.255.0", "255.255.255.0"))).not.toContain("PERSISTENCE_MISMATCH");
  });

  it("treats an omitted netmask as the host mask /32", () => {
    const d = shared("255.255.255.255", "255.255.255.255");
    delete d.virtualServers![0]!.persistence!.netmask;
    expect(codes(d)).not.toContain("PERSISTENCE_MISMATCH");
  });

  it("treats two persistence-off services as agreeing whatever their masks", () => {
    const d = shared("255.255.255.255", "255.255.255.0");
    d.virtualServers![0]!.persistence!.timeoutSeconds = 0;
    d.virtualServers![1]!.persistence!.timeoutSeconds = 0;
    expect(codes(d)).not.toContain("PERSISTENCE_MISMATCH");
  });
});

describe("MARK_INCONSISTENT", () => {
  const udpService = (protocol: "tcp" | "udp" | "both") => doc({
    firewallMarks: [{ mark: 53, name: "dns", vip: "192.0.2.53", protocol, ports: ["53"] }],
    virtualServers: [{ name: "dns", vip: "192.0.2.53", port: 53, protocol: "udp", firewallMark: 53, realServers: [rs("ns", "192.0.2.31")] }],
  });

  it("fires on the protocol branch: a udp service on a tcp-only bundle", () => {
    expect(find(udpService("tcp"), "MARK_INCONSISTENT").map((h) => h.path)).toEqual(["virtualServers[0].protocol"]);
  });

  it("stays quiet when the bundle marks the service's protocol (udp or both)", () => {
    expect(codes(udpService("udp"))).not.toContain("MARK_INCONSISTENT");
    expect(codes(udpService("both"))).not.toContain("MARK_INCONSISTENT");
  });

  it("fires on the family branch: one mark on an IPv4 and an IPv6 bundle", () => {
    const d = doc({
      firewallMarks: [
        { mark: 80, name: "web4", vip: "192.0.2.10", ports: ["80"] },
        { mark: 80, name: "web6", vip: "2001:db8::10", ports: ["80"] },
      ],
    });
    expect(find(d, "MARK_INCONSISTENT").map((h) => h.path)).toEqual(["firewallMarks[1].mark"]);
    expect(codes(d)).not.toContain("DUPLICATE_MARK");
  });
});

describe("REAL_SERVER_FAMILY_MISMATCH", () => {
  const mixed = (network: "nat" | "direct" | "tunnel") => doc({
    network,
    virtualServers: [{ name: "web", vip: "192.0.2.10", device: "eth0:1", port: 80, realServers: [rs("r6", "2001:db8::31")] }],
  });

  it("fires under NAT and direct routing", () => {
    expect(codes(mixed("nat"))).toContain("REAL_SERVER_FAMILY_MISMATCH");
    expect(codes(mixed("direct"))).toContain("REAL_SERVER_FAMILY_MISMATCH");
  });

  it("exempts tunnelling, which can carry either family", () => {
    expect(codes(mixed("tunnel"))).not.toContain("REAL_SERVER_FAMILY_MISMATCH");
  });
});

describe("BUNDLE_OVERLAP", () => {
  const two = (first: string[], second: string[], vip2 = "192.0.2.10", protocol2: "tcp" | "udp" | "both" = "tcp") => doc({
    firewallMarks: [
      { mark: 1, name: "a", vip: "192.0.2.10", ports: first },
      { mark: 2, name: "b", vip: vip2, protocol: protocol2, ports: second },
    ],
  });

  it("fires when the later range starts inside an earlier one", () => {
    expect(find(two(["1000-2000"], ["1500-2500"]), "BUNDLE_OVERLAP").map((h) => h.path)).toEqual(["firewallMarks[1].ports[0]"]);
  });

  it("fires when the later range ends inside an earlier one, and when it encloses it", () => {
    expect(codes(two(["1000-2000"], ["500-1000"]))).toContain("BUNDLE_OVERLAP");
    expect(codes(two(["1000-2000"], ["1-65535"]))).toContain("BUNDLE_OVERLAP");
  });

  it("stays quiet for adjacent ranges, another VIP, or another protocol", () => {
    expect(codes(two(["1000-2000"], ["2001-2500"]))).not.toContain("BUNDLE_OVERLAP");
    expect(codes(two(["1000-2000"], ["1500"], "192.0.2.11"))).not.toContain("BUNDLE_OVERLAP");
    expect(codes(two(["1000-2000"], ["1500"], "192.0.2.10", "udp"))).not.toContain("BUNDLE_OVERLAP");
  });

  it("compares IPv6 VIPs by their canonical form", () => {
    const d = doc({
      firewallMarks: [
        { mark: 1, name: "a", vip: "2001:db8::10", ports: ["80"] },
        { mark: 2, name: "b", vip: "2001:DB8:0:0::10", ports: ["80"] },
      ],
    });
    expect(codes(d)).toContain("BUNDLE_OVERLAP");
  });

  // Brute force: every pair of small ranges on one VIP against a naive set intersection.
  it("agrees with a set-intersection oracle for every pair of small port ranges", () => {
    const range = fc.tuple(fc.integer({ min: 1, max: 12 }), fc.integer({ min: 0, max: 4 })).map(([lo, len]) => [lo, lo + len] as const);
    const spec = ([lo, hi]: readonly [number, number]) => (lo === hi ? String(lo) : `${lo}-${hi}`);
    const ports = ([lo, hi]: readonly [number, number]) => Array.from({ length: hi - lo + 1 }, (_, i) => lo + i);
    fc.assert(fc.property(fc.array(range, { minLength: 1, maxLength: 3 }), fc.array(range, { minLength: 1, maxLength: 3 }), (a, b) => {
      const earlier = new Set(a.flatMap(ports));
      const expected = b.map((r, i) => (ports(r).some((p) => earlier.has(p)) ? `firewallMarks[1].ports[${i}]` : null)).filter((x) => x !== null);
      const got = find(two(a.map(spec), b.map(spec)), "BUNDLE_OVERLAP").map((h) => h.path);
      expect(got).toEqual(expected);
    }), { numRuns: 400 });
  });

  it("checks every pair exhaustively for ranges within 1-8", () => {
    const all: [number, number][] = [];
    for (let lo = 1; lo <= 8; lo++) for (let hi = lo; hi <= 8; hi++) all.push([lo, hi]);
    for (const [a1, a2] of all) {
      for (const [b1, b2] of all) {
        const overlap = Math.max(a1, b1) <= Math.min(a2, b2);
        const got = codes(two([`${a1}-${a2}`], [`${b1}-${b2}`])).includes("BUNDLE_OVERLAP");
        expect(got, `${a1}-${a2} vs ${b1}-${b2}`).toBe(overlap);
      }
    }
  });
});
