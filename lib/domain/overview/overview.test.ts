import { describe, expect, it } from "vitest";
import { lintDocument } from "../lint";
import { linkDiagnostics, type ObjectDirectory } from "../links/locate-diagnostic";
import { lvsDocumentSchema } from "../schema";
import { buildOverview } from "./build-overview";
import { filterOverview, pageOf, searchOverview } from "./search-overview";

const doc = lvsDocumentSchema.parse({
  version: 1,
  cluster: { name: "edge-1", primary: { publicIp: "203.0.113.2" }, network: "nat", natRouter: { ip: "10.11.12.10", netmask: "255.255.255.0", device: "eth1:1" } },
  firewallMarks: [
    { mark: 80, name: "web", vip: "203.0.113.10", ports: ["80", "443"] },
    { mark: 21, name: "ftp", vip: "203.0.113.9", ports: ["21", "10000-20000"] },
  ],
  virtualServers: [
    { name: "http", vip: "203.0.113.10", port: 80, firewallMark: 80, persistence: { timeoutSeconds: 300 }, realServers: [{ name: "web1", address: "10.11.12.2" }] },
    { name: "https", vip: "203.0.113.10", port: 443, firewallMark: 80, persistence: { timeoutSeconds: 600 }, realServers: [{ name: "web2", address: "10.11.12.3", port: 8443, weight: 0 }] },
    { name: "dns", vip: "203.0.113.10", port: 53, protocol: "udp", realServers: [] },
  ],
});
const dir: ObjectDirectory = {
  clusterName: "edge-1",
  firewallMarks: [{ id: 1, name: "web" }, { id: 2, name: "ftp" }],
  virtualServers: [
    { id: 10, name: "http", realServers: [{ id: 100, name: "web1" }] },
    { id: 11, name: "https", realServers: [{ id: 110, name: "web2" }] },
    { id: 12, name: "dns", realServers: [] },
  ],
};
const groups = buildOverview(doc, dir, linkDiagnostics(lintDocument(doc), dir));

describe("buildOverview", () => {
  it("groups VIP → bundle → virtual servers → real servers, VIPs in numeric order", () => {
    expect(groups.map((g) => g.vip)).toEqual(["203.0.113.9", "203.0.113.10"]);
    const web = groups[1]!.bundles[0]!;
    expect(web).toMatchObject({ id: 1, mark: 80, ports: ["80", "443"] });
    expect(web.virtualServers.map((v) => [v.id, v.persistenceSeconds, v.realServers.map((r) => [r.id, r.weight, r.active])]))
      .toEqual([[10, 300, [[100, 1, true]]], [11, 600, [[110, 0, true]]]]);
    expect(groups[1]!.virtualServers.map((v) => v.name)).toEqual(["dns"]);
    expect(groups[0]!.bundles[0]!.virtualServers).toEqual([]);
  });

  it("carries each object's lint state", () => {
    const web = groups[1]!.bundles[0]!;
    // Persistence 300 vs 600 on mark 80 is an error on the services; ftp has no virtual server (warning).
    expect(web.virtualServers.some((v) => v.lint.errors > 0)).toBe(true);
    expect(groups[0]!.bundles[0]!.lint.warnings + groups[0]!.bundles[0]!.lint.errors).toBeGreaterThan(0);
    expect(web.virtualServers[0]!.realServers[0]!.lint).toEqual({ errors: 0, warnings: 0 });
  });
});

describe("filterOverview and searchOverview", () => {
  it.each([
    ["web1", ["203.0.113.10"]], ["10.11.12.3", ["203.0.113.10"]], ["15000", ["203.0.113.9"]], ["21", ["203.0.113.9"]],
    ["8443", ["203.0.113.10"]], ["113.9", ["203.0.113.9"]], ["nothing", []], ["", ["203.0.113.9", "203.0.113.10"]],
  ])("filter %j keeps %j", (q, vips) => {
    expect(filterOverview(groups, q).map((g) => g.vip)).toEqual(vips);
  });

  it("finds a real server by address and lands on its virtual server, at the row", () => {
    expect(searchOverview(groups, "10.11.12.3").exact).toBe(1);
    expect(searchOverview(groups, "10.11.12.3").hits).toEqual([
      { kind: "real server", name: "web2", detail: "10.11.12.3:8443 in virtual server https", href: "/virtual-servers/11#rs-110-name" },
    ]);
  });

  it("finds bundles by mark or a port inside a range, services by port, and caps the list", () => {
    expect(searchOverview(groups, "12000").hits.map((h) => h.href)).toEqual(["/firewall-marks/2"]);
    expect(searchOverview(groups, "443").hits.map((h) => h.href)).toEqual(["/firewall-marks/1", "/virtual-servers/11"]);
    expect(searchOverview(groups, "203.0.113.1").hits[0]).toMatchObject({ kind: "VIP", href: "/?q=203.0.113.10" });
    expect(searchOverview(groups, "web", 2)).toMatchObject({ more: true, exact: 1, hits: [{ name: "web" }, { name: "web1" }] });
    expect(searchOverview(groups, "  ")).toEqual({ hits: [], more: false, exact: 0 });
  });

  it("pages and clamps", () => {
    expect(pageOf([1, 2, 3, 4, 5], 2, 2)).toEqual({ items: [3, 4], page: 2, pageCount: 3 });
    expect(pageOf([1, 2, 3], 99, 2)).toEqual({ items: [3], page: 2, pageCount: 2 });
    expect(pageOf([], Number.NaN, 2)).toEqual({ items: [], page: 1, pageCount: 1 });
  });

  it("gives each kind of hit its detail and page, a trimmed query in any case, exact names first", () => {
    expect(searchOverview(groups, "80")).toEqual({
      hits: [
        { kind: "bundle", name: "web", detail: "mark 80, tcp 80, 443 on 203.0.113.10", href: "/firewall-marks/1" },
        { kind: "virtual server", name: "http", detail: "tcp 203.0.113.10:80, mark 80", href: "/virtual-servers/10" },
        { kind: "virtual server", name: "https", detail: "tcp 203.0.113.10:443, mark 80", href: "/virtual-servers/11" },
      ],
      more: false, exact: 0,
    });
    expect(searchOverview(groups, " DNS ")).toEqual({
      hits: [{ kind: "virtual server", name: "dns", detail: "udp 203.0.113.10:53", href: "/virtual-servers/12" }], more: false, exact: 1,
    });
    expect(searchOverview(groups, "203.0.113.9")).toEqual({
      hits: [{ kind: "VIP", name: "203.0.113.9", detail: "1 bundle(s), 0 virtual server(s)", href: "/?q=203.0.113.9" }], more: false, exact: 1,
    });
    expect(searchOverview(groups, "21").hits).toEqual([
      { kind: "bundle", name: "ftp", detail: "mark 21, tcp 21, 10000-20000 on 203.0.113.9", href: "/firewall-marks/2" },
    ]);
    expect(searchOverview(groups, "web1").hits).toEqual([
      { kind: "real server", name: "web1", detail: "10.11.12.2 in virtual server http", href: "/virtual-servers/10#rs-100-name" },
    ]);
  });

  it("reads only whole numbers of up to ten digits as a mark or port", () => {
    expect(searchOverview(groups, "80x").hits).toEqual([]);
    expect(searchOverview(groups, "x80").hits).toEqual([]);
    expect(searchOverview(groups, "08443").hits.map((h) => h.name)).toEqual(["web2"]);
    expect(searchOverview(groups, "00000000080").hits).toEqual([]);
  });

  it("says there is more only past the limit", () => {
    expect(searchOverview(groups, "80", 3)).toMatchObject({ more: false });
    expect(searchOverview(groups, "80", 2)).toMatchObject({ more: true, hits: [{ name: "web" }, { name: "http" }] });
  });

  it("keeps a group for a service's port or a real server's alone, and a group only when something in it matches", () => {
    expect(filterOverview(groups, "53").map((g) => g.vip)).toEqual(["203.0.113.10"]);
    expect(filterOverview(groups, "10.11.12.2").map((g) => g.vip)).toEqual(["203.0.113.10"]);
    expect(filterOverview(groups, "ftp").map((g) => g.vip)).toEqual(["203.0.113.9"]);
  });
});
