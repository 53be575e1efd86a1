import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { linkDiagnostics, type ObjectDirectory } from "../links/locate-diagnostic";
import { lvsDocumentSchema, type LvsDocument, type LvsDocumentInput } from "../schema";
import { lintDocument } from "./lint-document";
import { lintScope, pathInDocument, type LintSubject } from "./lint-scope";

// Messy documents: few VIPs (one written two ways), few marks and ports, so
// bundles overlap, marks repeat, services shadow and duplicate each other.
const VIPS = ["192.0.2.10", "192.0.2.11", "192.0.2.12", "2001:db8::10", "2001:db8:0:0::10"];
const ADDRESSES = ["10.0.0.1", "10.0.0.2", "2001:db8::1"];

const bundleArb = fc.record({
  vip: fc.constantFrom(...VIPS),
  mark: fc.integer({ min: 1, max: 5 }),
  protocol: fc.constantFrom("tcp" as const, "udp" as const, "both" as const),
  ports: fc.array(fc.constantFrom("21", "80", "443", "80:90", "10000:10010", "85"), { minLength: 1, maxLength: 3 }),
});

const serviceArb = fc.record({
  vip: fc.constantFrom(...VIPS),
  port: fc.constantFrom(21, 80, 85, 443, 8080),
  protocol: fc.constantFrom("tcp" as const, "udp" as const),
  firewallMark: fc.option(fc.integer({ min: 1, max: 6 }), { nil: undefined }),
  active: fc.boolean(),
  scheduler: fc.constantFrom("wlc" as const, "rr" as const, "sed" as const),
  persistence: fc.option(fc.record({ timeoutSeconds: fc.constantFrom(0, 300, 600) }), { nil: undefined }),
  device: fc.option(fc.constantFrom("eth0:1"), { nil: undefined }),
  realServers: fc.array(fc.record({
    address: fc.constantFrom(...ADDRESSES),
    weight: fc.integer({ min: 0, max: 2 }),
    port: fc.option(fc.constantFrom(80, 8080), { nil: undefined }),
    active: fc.boolean(),
  }), { maxLength: 3 }),
});

const documentArb = fc.record({
  network: fc.constantFrom("nat" as const, "direct" as const, "tunnel" as const),
  bundles: fc.array(bundleArb, { maxLength: 7 }),
  services: fc.array(serviceArb, { minLength: 1, maxLength: 9 }),
}).map(({ network, bundles, services }): LvsDocument => {
  const input: LvsDocumentInput = {
    version: 1,
    cluster: {
      name: "messy", primary: { publicIp: "192.0.2.2" }, network,
      ...(network === "nat" ? { natRouter: { ip: "10.0.0.254", netmask: "255.255.255.0", device: "eth1:1" } } : {}),
    },
    firewallMarks: bundles.map((b, i) => ({ ...b, name: `b${i}` })),
    virtualServers: services.map((s, i) => ({
      ...s,
      name: `vs${i}`,
      realServers: s.realServers.map((r, j) => ({ ...r, name: `rs${j}` })),
    })),
  };
  return lvsDocumentSchema.parse(input);
});

// Ids are the full document's positions, so both lints name objects alike.
function directory(doc: LvsDocument, marks: number[], services: number[]): ObjectDirectory {
  return {
    clusterName: doc.cluster.name,
    firewallMarks: marks.map((i) => ({ id: i, name: doc.firewallMarks[i]!.name })),
    virtualServers: services.map((i) => ({
      id: i, name: doc.virtualServers[i]!.name,
      realServers: doc.virtualServers[i]!.realServers.map((r, j) => ({ id: i * 100 + j, name: r.name })),
    })),
  };
}

const all = (n: number) => [...Array(n).keys()];

function findingsOn(doc: LvsDocument, marks: number[], services: number[], page: string) {
  const sub = { ...doc, firewallMarks: marks.map((i) => doc.firewallMarks[i]!), virtualServers: services.map((i) => doc.virtualServers[i]!) };
  const scope = { firewallMarks: marks, virtualServers: services };
  return linkDiagnostics(lintDocument(sub), directory(doc, marks, services))
    .map((d) => ({ ...d, path: pathInDocument(d.path, scope) }))
    .filter((d) => d.target?.page === page);
}

describe("lintScope", () => {
  it("lints one object's group and finds exactly what linting the whole document finds about it", () => {
    const subjects = (doc: LvsDocument): LintSubject[] => [
      ...doc.firewallMarks.map((_, index) => ({ list: "firewallMarks" as const, index })),
      ...doc.virtualServers.map((_, index) => ({ list: "virtualServers" as const, index })),
    ];
    let related = 0;
    fc.assert(fc.property(documentArb, (doc) => {
      for (const subject of subjects(doc)) {
        const page = subject.list === "firewallMarks" ? `/firewall-marks/${subject.index}` : `/virtual-servers/${subject.index}`;
        const whole = findingsOn(doc, all(doc.firewallMarks.length), all(doc.virtualServers.length), page);
        const scope = lintScope(doc, subject);
        expect(scope[subject.list]).toContain(subject.index);
        const scoped = findingsOn(doc, scope.firewallMarks, scope.virtualServers, page);
        expect(scoped).toEqual(whole);
        if (whole.some((d) => /BUNDLE_OVERLAP|DUPLICATE|SHADOWED|PERSISTENCE|MARK_INCONSISTENT|SHARED_MARK|WITHOUT_BUNDLE/.test(d.code))) related++;
      }
    }), { numRuns: 300 });
    // The generator must exercise the relating checks, or the equality says little.
    expect(related).toBeGreaterThan(100);
  });

  it("keeps unrelated objects out and follows VIPs written two ways and marks across VIPs", () => {
    const outline = {
      firewallMarks: [{ vip: "192.0.2.10", mark: 1 }, { vip: "192.0.2.20", mark: 2 }, { vip: "2001:db8::10", mark: 3 }],
      virtualServers: [
        { vip: "192.0.2.30", firewallMark: 1 }, // mark 1 links it to bundle 0 on another VIP
        { vip: "192.0.2.10" }, // same VIP as bundle 0
        { vip: "192.0.2.40" }, // alone
        { vip: "2001:db8:0:0::10" }, // bundle 2's VIP, written differently
      ],
    };
    expect(lintScope(outline, { list: "virtualServers", index: 0 })).toEqual({ firewallMarks: [0], virtualServers: [0, 1] });
    expect(lintScope(outline, { list: "virtualServers", index: 2 })).toEqual({ firewallMarks: [], virtualServers: [2] });
    expect(lintScope(outline, { list: "firewallMarks", index: 2 })).toEqual({ firewallMarks: [2], virtualServers: [3] });
  });
});
