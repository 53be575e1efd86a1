import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { arbitraryDocument } from "@/test/support/arbitrary-document";
import { loadFixtures } from "@/test/support/domain-fixtures";
import { parseDocument, type LvsDocument } from "../schema";
import { renderRouterSetup, renderRouterSetupFor, routerNeeds, type RouterNeeds } from "./render-router-setup";

const fixtures = loadFixtures();
const fixture = (name: string) => fixtures.find((f) => f.name === name)!.doc;
const parse = (input: unknown): LvsDocument => {
  const r = parseDocument(input);
  if (!r.ok) throw new Error(r.lines.join("\n"));
  return r.doc;
};

// Every script the renderer can produce, whatever the document: each combination of needs.
const CHAIN_SETS = [[], ["LVS-CONSOLE-MARKS"], ["LVS-CONSOLE-MARKS", "LVS-CONSOLE-FTP"]];
function everyNeeds(): RouterNeeds[] {
  const out: RouterNeeds[] = [];
  for (let bits = 0; bits < 8; bits++) {
    const on = (i: number) => (bits & (1 << i)) !== 0;
    for (const v4 of CHAIN_SETS) {
      for (const v6 of CHAIN_SETS) {
        out.push({
          ipv4Forwarding: on(0), ipv6Forwarding: on(1), modules: on(2) ? ["ip_vs", "ip_vs_ftp"] : ["ip_vs"],
          savedChains: { 4: v4, 6: v6 },
        });
      }
    }
  }
  return out;
}

describe("router-setup", () => {
  it("asks for exactly what the manuals need per fixture", () => {
    expect(routerNeeds(fixture("manual-nat"))).toEqual({
      ipv4Forwarding: true, ipv6Forwarding: false, modules: ["ip_vs", "ip_vs_ftp"],
      savedChains: { 4: ["LVS-CONSOLE-MARKS", "LVS-CONSOLE-FTP"], 6: [] },
    });
    expect(routerNeeds(fixture("protocol-both"))).toMatchObject({ ipv4Forwarding: true, ipv6Forwarding: true, modules: ["ip_vs"] });
    expect(routerNeeds(fixture("direct-routing"))).toMatchObject({ ipv4Forwarding: false, ipv6Forwarding: false, modules: ["ip_vs"] });
    expect(routerNeeds(fixture("protocol-both")).savedChains).toEqual({ 4: ["LVS-CONSOLE-MARKS"], 6: ["LVS-CONSOLE-MARKS"] });
    expect(routerNeeds(fixture("minimal")).savedChains).toEqual({ 4: [], 6: [] });
  });

  it("property: forwarding iff NAT, ip_vs_ftp iff NAT with a tcp bundle carrying port 21", () => {
    fc.assert(fc.property(arbitraryDocument(), fc.boolean(), (input, ftp) => {
      const marks = input.firewallMarks ?? [];
      if (ftp && marks[0]) marks[0] = { ...marks[0], protocol: "tcp", ports: ["21", "10000-20000"] };
      const doc = parse(input);
      const needs = routerNeeds(doc);
      const nat = doc.cluster.network === "nat";
      expect(needs.ipv4Forwarding).toBe(nat);
      const vips = [...doc.firewallMarks, ...doc.virtualServers].map((x) => x.vip);
      expect(needs.ipv6Forwarding).toBe(nat && vips.some((vip) => vip.includes(":")));
      const carriesFtp = doc.firewallMarks.some((b) => b.protocol !== "udp" && b.ports.some((p) => {
        const [lo, hi = lo] = p.split(/[-:]/).map(Number);
        return lo! <= 21 && 21 <= hi!;
      }));
      expect(needs.modules.includes("ip_vs_ftp")).toBe(nat && carriesFtp);
    }), { numRuns: 200 });
  });

  it("property: the document only chooses among fixed script lines; no document text reaches a command", () => {
    const base = fixture("minimal");
    const universe = new Set(everyNeeds().flatMap((n) => renderRouterSetupFor(base, n).split("\n")));
    fc.assert(fc.property(arbitraryDocument(), (input) => {
      const doc = parse(input);
      const lines = renderRouterSetup(doc).split("\n");
      const foreign = lines.filter((l, i) => !universe.has(l) && !(i > 0 && i < 3 && l.startsWith("# ")) && !/^say "router set up for cluster [A-Za-z0-9_.-]{1,31}"$/.test(l));
      expect(foreign).toEqual([]);
      expect(renderRouterSetup(structuredClone(doc))).toBe(lines.join("\n"));
    }), { numRuns: 200 });
  });

  it("writes the drop-ins through single-quoted literals holding only sysctl keys and module names", () => {
    for (const needs of everyNeeds()) {
      const text = renderRouterSetupFor(fixture("minimal"), needs);
      const literals = [...text.matchAll(/^install_file \S+ '([^']*)'$/gm)].map((m) => m[1]!);
      for (const line of literals.flatMap((l) => l.split("\n"))) {
        expect(line).toMatch(/^(?:# Written by LVS Console router-setup\.|net\.ipv4\.ip_forward = 1|net\.ipv6\.conf\.all\.forwarding = 1|ip_vs|ip_vs_ftp)$/);
      }
    }
  });
});
