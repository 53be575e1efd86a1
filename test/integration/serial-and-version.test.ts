import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createTestDatabase } from "@/test/support/test-db";

const session = vi.hoisted(() => ({ user: null as null | { userId: number; username: string; role: "viewer" | "operator" | "admin" } }));
vi.mock("@/lib/server/auth/session", () => ({ getSessionUser: async () => session.user, verifySession: async () => session.user }));
vi.mock("next/headers", () => import("../support/next-request"));
const as = (role: "viewer" | "operator" | "admin") => {
  session.user = { userId: 1, username: role, role };
};

await createTestDatabase("serial-version");
const { db } = await import("@/lib/server/db");
const settings = await import("@/lib/server/cluster-settings");
const fm = await import("@/lib/server/firewall-marks");
const vs = await import("@/lib/server/virtual-servers");
const rs = await import("@/lib/server/real-servers");
const dash = await import("@/lib/server/dashboard");
const { previewCluster } = await import("@/lib/server/preview");
const { createExport } = await import("@/lib/server/exports");
const { readClusterDocument } = await import("@/lib/server/cluster-document");
const { replaceClusterContent } = await import("@/lib/server/document-write");
const { StaleVersionError } = await import("@/lib/server/data-errors");
const { lintDocument } = await import("@/lib/domain/lint");
const { firewallMarkSchema, virtualServerSchema, realServerSchema } = await import("@/lib/domain/schema");
const { globalSettingsSchema } = await import("@/lib/domain/schema/cluster-forms");

let clusterId = 0;
const row = () => db.cluster.findUniqueOrThrow({ where: { id: clusterId } });
beforeAll(async () => {
  clusterId = (await db.cluster.create({ data: { name: "serials", primaryPublicIp: "203.0.113.2" } })).id;
  await db.user.create({ data: { id: 1, username: "tester", passwordHash: "x", role: "admin" } });
});
afterAll(async () => db.$disconnect());

describe("content serial and row version", () => {
  it("moves only the serial on a bundle, virtual or real server change, so an open Global settings form still saves", async () => {
    as("admin");
    const open = await settings.getClusterSettings(clusterId);
    const start = await row();
    const bundle = await fm.createFirewallMark(clusterId, firewallMarkSchema.parse({ mark: 80, name: "web", vip: "203.0.113.10", ports: ["80", "443"] }));
    const server = await vs.createVirtualServer(clusterId, virtualServerSchema.parse({ name: "web", vip: "203.0.113.10", port: 80, firewallMark: 80 }));
    const edited = await vs.updateVirtualServer(server.id, server.version, { ...server.values, scheduler: "rr" });
    const real = await rs.createRealServer(server.id, realServerSchema.parse({ name: "web1", address: "10.0.0.2" }));
    await rs.setRealServerActive(real.id, real.version, false);
    await fm.updateFirewallMark(bundle.id, bundle.version, { ...bundle.values, description: "http and https" });
    await vs.setVirtualServerActive(edited.id, edited.version, false);
    const after = await row();
    expect(after.serialNo).toBe(start.serialNo + 7);
    expect(after.version).toBe(start.version);
    const saved = await settings.updateGlobalSettings(clusterId, open.version, globalSettingsSchema.parse({ ...open.globalSettings, network: "direct", timeouts: { tcp: 900 } }));
    expect(saved).toMatchObject({ version: open.version + 1, serialNo: after.serialNo + 1 });
    expect((await readClusterDocument(clusterId))?.cluster.serialNo).toBe(saved.serialNo);
  });

  it("dashboard and preview agree on 'changed since export', before and after an export and after the next edit", async () => {
    as("operator");
    const both = async () => [(await dash.getDashboard(clusterId)).changedSinceExport, (await previewCluster(clusterId))!.changedSinceExport];
    expect(await both()).toEqual([true, true]);
    const outcome = await createExport({ clusterId, comment: "" });
    expect(outcome.status === "blocked" ? outcome.diagnostics : outcome.status).toBe("created");
    expect(await both()).toEqual([false, false]);
    const [server] = (await vs.listVirtualServers(clusterId)).rows;
    await vs.setVirtualServerActive(server!.id, server!.version, true);
    expect(await both()).toEqual([true, true]);
  });

  it("refuses an import whose cluster content was saved meanwhile, and writes nothing", async () => {
    as("admin");
    const doc = (await readClusterDocument(clusterId))!;
    const { version, serialNo } = await row();
    const [server] = (await vs.listVirtualServers(clusterId)).rows;
    await vs.setVirtualServerActive(server!.id, server!.version, false);
    const emptied = { ...doc, firewallMarks: [], virtualServers: [] };
    await expect(replaceClusterContent(clusterId, version, emptied, async () => undefined, serialNo)).rejects.toThrow(/changed by someone else/);
    expect(await db.virtualServer.count({ where: { clusterId } })).toBe(1);
    expect((await row()).serialNo).toBe(serialNo + 1);
  });
});

describe("versioned writes", () => {
  it("refuse a stale edit before any other check, carrying the current values", async () => {
    as("operator");
    const server = await vs.createVirtualServer(clusterId, virtualServerSchema.parse({ name: "other", vip: "203.0.113.20", port: 443 }));
    const moved = await vs.updateVirtualServer(server.id, server.version, { ...server.values, port: 8443 });
    // The name is taken too: the stale version is what the operator must learn first.
    const err = await vs.updateVirtualServer(server.id, server.version, { ...server.values, name: "web" }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(StaleVersionError);
    expect((err as InstanceType<typeof StaleVersionError>).current).toMatchObject({ id: server.id, version: moved.version, values: { port: 8443 } });
    const gone = await vs.deleteVirtualServer(server.id, server.version).catch((e: unknown) => e);
    expect((gone as Error).message).toMatch(/Nothing was deleted/);
    expect(await db.virtualServer.count({ where: { id: server.id } })).toBe(1);
  });

  it("audit every write exactly once", async () => {
    as("operator");
    const server = await vs.createVirtualServer(clusterId, virtualServerSchema.parse({ name: "audited", vip: "203.0.113.21", port: 80 }));
    const off = await vs.setVirtualServerActive(server.id, server.version, false);
    await vs.deleteVirtualServer(server.id, off.version);
    const actions = (await db.auditEvent.findMany({ where: { targetType: "virtualServer", targetId: String(server.id) }, orderBy: { id: "asc" } })).map((e) => e.action);
    expect(actions).toEqual(["virtualServer.create", "virtualServer.deactivate", "virtualServer.delete"]);
  });
});

describe("cluster mapping", () => {
  it("has a NAT router only when all three columns are set, in the form and the document alike", async () => {
    as("admin");
    await db.cluster.update({ where: { id: clusterId }, data: { network: "nat", natRouterIp: "10.0.0.1", natRouterNetmask: null, natRouterDevice: "eth1:1" } });
    expect((await settings.getClusterSettings(clusterId)).globalSettings.natRouter).toBeUndefined();
    const doc = (await readClusterDocument(clusterId))!;
    expect(doc.cluster.natRouter).toBeUndefined();
    expect(lintDocument(doc).map((d) => d.code)).toContain("NAT_WITHOUT_ROUTER");
  });

  it("reads an IPv6 NAT router's prefix length as a number in the form and the document alike", async () => {
    as("admin");
    await db.cluster.update({ where: { id: clusterId }, data: { natRouterIp: "2001:db8::1", natRouterNetmask: "64", natRouterDevice: "eth1:1" } });
    const natRouter = { ip: "2001:db8::1", netmask: 64, device: "eth1:1" };
    expect((await settings.getClusterSettings(clusterId)).globalSettings.natRouter).toEqual(natRouter);
    expect((await readClusterDocument(clusterId))!.cluster.natRouter).toEqual(natRouter);
  });
});
