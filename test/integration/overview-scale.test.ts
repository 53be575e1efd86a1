import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createTestDatabase } from "@/test/support/test-db";
import { timed } from "@/test/support/timed";

vi.mock("@/lib/server/auth/session", () => ({
  getSessionUser: async () => ({ userId: 1, username: "viewer", role: "viewer" }),
  verifySession: async () => ({ userId: 1, username: "viewer", role: "viewer" }),
}));

await createTestDatabase("overview");
const { db } = await import("@/lib/server/db");
const { getOverview, searchCluster, OVERVIEW_PAGE_SIZE } = await import("@/lib/server/overview");
const { getPageDiagnostics } = await import("@/lib/server/cluster-lint");

// 1,000 services: 250 HTTP+HTTPS bundles with two services each (500), and 500
// port-based services on VIPs of their own; two real servers each.
const BUNDLES = 250;
const PORT_SERVICES = 500;
const vipOf = (i: number) => `10.1.${Math.floor(i / 250)}.${(i % 250) + 1}`;
let clusterId = 0;

beforeAll(async () => {
  clusterId = (await db.cluster.create({
    data: { name: "big", primaryPublicIp: "192.0.2.1", natRouterIp: "10.11.12.10", natRouterNetmask: "255.255.255.0", natRouterDevice: "eth1:1" },
  })).id;
  await db.firewallMarkBundle.createMany({ data: Array.from({ length: BUNDLES }, (_, i) => ({
    clusterId, mark: BigInt(1000 + i), family: "ipv4", name: `web-${i}`, vip: vipOf(i), protocol: "tcp",
  })) });
  const bundles = await db.firewallMarkBundle.findMany({ where: { clusterId }, select: { id: true } });
  await db.bundlePort.createMany({ data: bundles.flatMap((b) => [{ bundleId: b.id, position: 0, lo: 80, hi: 80 }, { bundleId: b.id, position: 1, lo: 443, hi: 443 }]) });
  const services = [
    ...Array.from({ length: BUNDLES }, (_, i) => [80, 443].map((port) => ({
      clusterId, name: `web-${i}-${port}`, vip: vipOf(i), device: "eth0:1", port, firewallMark: BigInt(1000 + i), persistenceTimeout: 300,
    }))).flat(),
    ...Array.from({ length: PORT_SERVICES }, (_, i) => ({ clusterId, name: `svc-${i}`, vip: vipOf(BUNDLES + i), device: "eth0:1", port: 8080 })),
  ];
  for (let i = 0; i < services.length; i += 500) await db.virtualServer.createMany({ data: services.slice(i, i + 500) });
  const rows = await db.virtualServer.findMany({ where: { clusterId }, select: { id: true }, orderBy: { id: "asc" } });
  await db.realServer.createMany({ data: rows.flatMap((v, i) => [1, 2].map((n) => ({
    virtualServerId: v.id, name: `rs${n}`, address: `10.11.${Math.floor(i / 200)}.${(i % 200) + n}`, weight: i === 0 && n === 1 ? 0 : 1,
  }))) });
  // One fault to find: the HTTP service of bundle web-7 disagrees with the HTTPS one (first by name) on persistence.
  await db.virtualServer.updateMany({ where: { clusterId, name: "web-7-80" }, data: { persistenceTimeout: 600 } });
  // One real server with an address nothing else contains.
  const web9 = await db.virtualServer.findFirstOrThrow({ where: { clusterId, name: "web-9-80" } });
  await db.realServer.updateMany({ where: { virtualServerId: web9.id, name: "rs2" }, data: { address: "10.99.0.5" } });
  // And one whose address only contains it, on a service listed before.
  const web2 = await db.virtualServer.findFirstOrThrow({ where: { clusterId, name: "web-2-80" } });
  await db.realServer.updateMany({ where: { virtualServerId: web2.id, name: "rs2" }, data: { address: "10.99.0.50" } });
}, 120_000);
afterAll(async () => db.$disconnect());

describe("the overview of a cluster with 1,000 services", () => {
  it("groups every service under its VIP and bundle, one page of VIPs at a time", async () => {
    const cold = await timed(() => getOverview(clusterId));
    const first = await timed(() => getOverview(clusterId));
    const { result } = first;
    expect(result.totalGroups).toBe(BUNDLES + PORT_SERVICES);
    expect(result.groups).toHaveLength(OVERVIEW_PAGE_SIZE);
    expect(result.pageCount).toBe(Math.ceil((BUNDLES + PORT_SERVICES) / OVERVIEW_PAGE_SIZE));
    const g = result.groups[0]!;
    expect(g.vip).toBe("10.1.0.1");
    expect(g.bundles[0]!.virtualServers.map((v) => [v.name, v.scheduler, v.persistenceSeconds, v.realServers.length])).toEqual([
      ["web-0-443", "wlc", 300, 2], ["web-0-80", "wlc", 300, 2],
    ]);
    const last = await timed(() => getOverview(clusterId, { page: 9999 }));
    expect(last.result.page).toBe(result.pageCount);
    console.log(`overview_ms_1000_services: cold ${Math.round(cold.ms)}, warm ${Math.round(first.ms)}, last page ${Math.round(last.ms)}`);
  });

  it("filters by a real server's address and shows the lint state of the object at fault", async () => {
    const byAddress = await getOverview(clusterId, { q: "10.99.0.5" });
    expect(byAddress.groups.map((g) => g.vip)).toEqual([vipOf(2), vipOf(9)]);
    const faulty = await getOverview(clusterId, { q: "web-7" });
    const services = faulty.groups.flatMap((g) => g.bundles.flatMap((b) => b.virtualServers));
    expect(services.find((v) => v.name === "web-7-80")?.lint.errors).toBeGreaterThan(0);
    expect(services.find((v) => v.name === "web-70-80")?.lint).toEqual({ errors: 0, warnings: 0 });
  });

  it("searches every object and lands a real server on its virtual server's page", async () => {
    const { hits, exact } = await searchCluster(clusterId, "10.99.0.5");
    const vs = await db.virtualServer.findFirstOrThrow({ where: { clusterId, name: "web-9-80" }, include: { realServers: true } });
    const rs = vs.realServers.find((r) => r.address === "10.99.0.5")!;
    // 10.99.0.50 matches too, after the exact one although its service comes first.
    expect(exact).toBe(1);
    expect(hits.map((h) => [h.kind, h.detail.split(" ")[0], h.href])).toEqual([
      ["real server", "10.99.0.5", `/virtual-servers/${vs.id}#rs-${rs.id}-name`],
      ["real server", "10.99.0.50", expect.stringMatching(/^\/virtual-servers\/\d+#rs-\d+-name$/)],
    ]);
    expect((await searchCluster(clusterId, "1007")).hits.map((h) => h.kind)).toEqual(["bundle", "virtual server", "virtual server"]);
  });

  it("gives each edit page the findings about its own objects only", async () => {
    const bad = await db.virtualServer.findFirstOrThrow({ where: { clusterId, name: "web-7-80" } });
    const good = await db.virtualServer.findFirstOrThrow({ where: { clusterId, name: "web-70-80" } });
    const findings = await getPageDiagnostics(clusterId, `/virtual-servers/${bad.id}`);
    expect(findings.map((d) => d.code)).toContain("PERSISTENCE_MISMATCH");
    expect(findings.every((d) => d.target?.page === `/virtual-servers/${bad.id}` && d.target.objectName.includes("web-7-80"))).toBe(true);
    expect(await getPageDiagnostics(clusterId, `/virtual-servers/${good.id}`)).toEqual([]);
  });

  it("reads only an object's lint scope for its page and finds what the whole cluster's lint finds", async () => {
    // A bundle overlapping web-7's ports on its VIP, and a duplicate of a port service: findings that relate objects.
    const overlap = await db.firewallMarkBundle.create({ data: { clusterId, mark: 5000n, family: "ipv4", name: "overlap-7", vip: vipOf(7), protocol: "tcp" } });
    await db.bundlePort.create({ data: { bundleId: overlap.id, position: 0, lo: 440, hi: 450 } });
    // An IPv6 bundle and a port service on its VIP spelled another way: only a canonical comparison relates them.
    const v6 = await db.firewallMarkBundle.create({ data: { clusterId, mark: 6000n, family: "ipv6", name: "v6-web", vip: "2001:db8::10", protocol: "tcp" } });
    await db.bundlePort.create({ data: { bundleId: v6.id, position: 0, lo: 80, hi: 80 } });
    const v6Service = await db.virtualServer.create({ data: { clusterId, name: "v6-svc", vip: "2001:db8:0:0::10", device: "eth0:1", port: 80 } });
    // Written behind the data layer's back: move the serial as a save would, so the whole cluster's cached lint is fresh.
    await db.cluster.update({ where: { id: clusterId }, data: { serialNo: { increment: 1 } } });
    const pages = [
      ...(await db.firewallMarkBundle.findMany({ where: { clusterId, name: { in: ["web-7", "overlap-7", "web-70"] } } }))
        .map((b) => ({ page: `/firewall-marks/${b.id}`, subject: { firewallMarkId: b.id } })),
      ...(await db.virtualServer.findMany({ where: { clusterId, name: { in: ["web-7-80", "web-7-443", "web-9-80", "svc-3", "v6-svc"] } } }))
        .map((v) => ({ page: `/virtual-servers/${v.id}`, subject: { virtualServerId: v.id } })),
    ];
    expect(pages).toHaveLength(8);
    const codes = new Set<string>();
    for (const { page, subject } of pages) {
      const whole = await timed(() => getPageDiagnostics(clusterId, page));
      const scoped = await timed(() => getPageDiagnostics(clusterId, page, subject));
      expect(scoped.result).toEqual(whole.result);
      for (const d of scoped.result) codes.add(d.code);
      console.log(`page_diagnostics_ms ${page}: whole cluster ${Math.round(whole.ms)}, scoped ${Math.round(scoped.ms)}`);
    }
    expect([...codes].sort()).toEqual(expect.arrayContaining(["BUNDLE_OVERLAP", "PERSISTENCE_MISMATCH", "PORT_SERVICE_SHADOWED"]));
    await db.virtualServer.delete({ where: { id: v6Service.id } });
    await db.firewallMarkBundle.deleteMany({ where: { id: { in: [overlap.id, v6.id] } } });
  });
});
