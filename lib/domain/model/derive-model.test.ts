import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { arbitraryDocument } from "@/test/support/arbitrary-document";
import { loadFixtures } from "@/test/support/domain-fixtures";
import { lintDocument } from "../lint";
import { renderAll, renderArtifact } from "../render/registry";
import { lvsDocumentSchema, parseDocument } from "../schema";
import { deriveModel, markKey } from "./derive-model";
import { findDuplicates } from "./document-uniqueness";

const base = { version: 1, cluster: { name: "edge", primary: { publicIp: "203.0.113.2" }, network: "direct" } } as const;

describe("deriveModel", () => {
  it("derives each view once and hands the same one to every reader", () => {
    const model = deriveModel(loadFixtures().find((f) => f.name === "router-pair")!.doc);
    expect(model.ipvsServices).toBe(model.ipvsServices);
    expect(model.repeats).toBe(model.repeats);
    expect(model.ruleSetsOf(4)).toBe(model.ruleSetsOf(4));
    expect([...model.ruleSetsOf(4), ...model.ruleSetsOf(6)].sort((a, b) => a.bundleIndex - b.bundleIndex))
      .toEqual(model.ruleSets.filter((r) => r.family === 4 || r.family === 6));
  });

  it("splits protocol both into a tcp and a udp rule set with the bundle's merged ports, VIPs canonical", () => {
    const doc = lvsDocumentSchema.parse({
      ...base,
      firewallMarks: [{ mark: 5, name: "dns", vip: "2001:DB8:0::53", protocol: "both", ports: ["60-70", "53", "65", "71"] }],
    });
    const model = deriveModel(doc);
    expect(model.ruleSets.map((r) => [r.protocol, r.vip, r.family, r.ranges])).toEqual([
      ["tcp", "2001:db8::53", 6, [{ lo: 53, hi: 53 }, { lo: 60, hi: 70 }, { lo: 71, hi: 71 }]],
      ["udp", "2001:db8::53", 6, [{ lo: 53, hi: 53 }, { lo: 60, hi: 70 }, { lo: 71, hi: 71 }]],
    ]);
    expect(model.bundles[0]!.ports.map((p) => p.index)).toEqual([0, 1, 2, 3]);
    expect(markKey(6, 5)).toBe("6/5");
  });

  it("finds a mark repeated within a family, not across families, and names repeated per scope", () => {
    const doc = lvsDocumentSchema.parse({
      ...base,
      firewallMarks: [
        { mark: 80, name: "a", vip: "203.0.113.10", ports: ["80"] },
        { mark: 80, name: "b", vip: "2001:db8::10", ports: ["80"] },
        { mark: 80, name: "a", vip: "203.0.113.11", ports: ["80"] },
      ],
      virtualServers: [
        { name: "v", vip: "203.0.113.20", port: 80, realServers: [{ name: "r", address: "10.0.0.1" }, { name: "r", address: "10.0.0.2" }] },
        { name: "w", vip: "203.0.113.21", port: 80, realServers: [{ name: "r", address: "10.0.0.1" }] },
      ],
    });
    expect(deriveModel(doc).repeats).toEqual({
      marks: [{ index: 2, first: 0 }],
      bundleNames: [{ index: 2, first: 0 }],
      virtualServerNames: [],
      realServerNames: [{ index: 1, first: 0, virtualServer: 0 }],
    });
  });

  it("property: lint's repeated names are exactly the import's refused names (one definition of uniqueness)", () => {
    const named = fc.constantFrom("a", "b", "c");
    fc.assert(fc.property(fc.array(named, { minLength: 1, maxLength: 6 }), fc.array(fc.array(named, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 4 }), (bundles, servers) => {
      const r = parseDocument({
        ...base,
        firewallMarks: bundles.map((name, i) => ({ mark: i + 1, name, vip: `203.0.113.${i + 1}`, ports: ["80"] })),
        virtualServers: servers.map((rs, i) => ({
          name: `v${i % 2}`, vip: "198.51.100.1", port: 1000 + i, realServers: rs.map((name, j) => ({ name, address: `10.0.${i}.${j + 1}` })),
        })),
      });
      if (!r.ok) throw new Error(r.lines.join("\n"));
      const linted = lintDocument(r.doc).filter((d) => d.code === "DUPLICATE_NAME").map((d) => d.path).sort();
      const refused = findDuplicates(r.doc).filter((d) => d.path.endsWith(".name")).map((d) => d.path).sort();
      expect(linted).toEqual(refused);
    }), { numRuns: 200 });
  });

  it("property: renderAll renders each format as renderArtifact does, and apply.sh embeds those very texts", () => {
    fc.assert(fc.property(arbitraryDocument(), (input) => {
      const r = parseDocument(input);
      if (!r.ok) throw new Error(r.lines.join("\n"));
      const all = new Map(renderAll(r.doc).map((a) => [a.format, a.text]));
      for (const [format, text] of all) expect(renderArtifact(format, structuredClone(r.doc))).toBe(text);
      const apply = all.get("apply")!;
      for (const format of ["install-script", "nftables", "keepalived"] as const) expect(apply).toContain(all.get(format)!.replace(/\n$/, ""));
      expect(apply.includes(all.get("keepalived-backup")!.replace(/\n$/, ""))).toBe(r.doc.cluster.backup?.enabled === true);
    }), { numRuns: 40 });
  });
});
