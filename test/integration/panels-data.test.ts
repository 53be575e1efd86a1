import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createTestDatabase } from "@/test/support/test-db";

const session = vi.hoisted(() => ({ user: null as null | { userId: number; username: string; role: "viewer" | "operator" | "admin" } }));
vi.mock("@/lib/server/auth/session", () => ({
  getSessionUser: async () => session.user,
  verifySession: async () => session.user,
}));

const as = (role: "viewer" | "operator" | "admin") => {
  session.user = { userId: 1, username: role, role };
};

await createTestDatabase("panels");
const { db } = await import("@/lib/server/db");
const fm = await import("@/lib/server/firewall-marks");
const vs = await import("@/lib/server/virtual-servers");
const rs = await import("@/lib/server/real-servers");
const fromBundle = await import("@/lib/server/virtual-server-from-bundle");
const dash = await import("@/lib/server/dashboard");
const { DataError, StaleVersionError } = await import("@/lib/server/data-errors");
const { AuthorizationError } = await import("@/lib/server/auth/permissions");
const { firewallMarkSchema, virtualServerSchema } = await import("@/lib/domain/schema");

let clusterId = 0;
const serial = async () => (await db.cluster.findUniqueOrThrow({ where: { id: clusterId } })).serialNo;
const web = firewallMarkSchema.parse({ mark: 80, name: "http-https", vip: "203.0.113.10", ports: ["80", "443"] });
const ftp = firewallMarkSchema.parse({ mark: 21, name: "ftp", vip: "203.0.113.11", ports: ["21", "10000-20000"] });

beforeAll(async () => {
  clusterId = (await db.cluster.create({ data: { name: "edge-1", primaryPublicIp: "203.0.113.2" } })).id;
  await db.user.create({ data: { id: 1, username: "tester", passwordHash: "x", role: "admin" } });
});
afterAll(async () => db.$disconnect());

describe("firewall-mark bundles", () => {
  it("[operator] creates a bundle with its port list, bumps the serial number and audits", async () => {
    as("operator");
    const before = await serial();
    const created = await fm.createFirewallMark(clusterId, web);
    expect(created.values).toMatchObject({ mark: 80, ports: ["80", "443"], protocol: "tcp" });
    expect(created.family).toBe("ipv4");
    expect(await serial()).toBe(before + 1);
    const audit = await db.auditEvent.findFirstOrThrow({ where: { action: "firewallMark.create", targetId: String(created.id) } });
    expect(JSON.parse(audit.after ?? "{}")).toMatchObject({ mark: 80, name: "http-https" });
  });

  it("refuses a duplicate mark in the same family with a field error on mark, saving nothing", async () => {
    as("operator");
    const count = await db.firewallMarkBundle.count();
    const err = await fm.createFirewallMark(clusterId, { ...ftp, mark: 80 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DataError);
    expect((err as InstanceType<typeof DataError>).fieldErrors?.mark).toMatch(/already used/);
    expect(await db.firewallMarkBundle.count()).toBe(count);
  });

  it("allows the same mark in the other address family", async () => {
    as("operator");
    const v6 = await fm.createFirewallMark(clusterId, { ...web, name: "web6", vip: "2001:db8::10" });
    expect(v6.family).toBe("ipv6");
    await fm.deleteFirewallMark(v6.id, v6.version, false);
  });

  it("refuses an edit made on a stale version and returns the current values", async () => {
    as("operator");
    const created = await fm.createFirewallMark(clusterId, ftp);
    const saved = await fm.updateFirewallMark(created.id, created.version, { ...ftp, description: "passive range" });
    expect(saved.version).toBe(created.version + 1);
    const err = await fm.updateFirewallMark(created.id, created.version, { ...ftp, ports: ["21"] }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(StaleVersionError);
    expect((err as InstanceType<typeof StaleVersionError>).current).toMatchObject({ values: { description: "passive range" } });
    expect((await fm.getFirewallMark(created.id)).values.ports).toEqual(["21", "10000-20000"]);
  });

  it("[viewer] reads but may not write", async () => {
    as("viewer");
    expect((await fm.listFirewallMarks(clusterId)).length).toBeGreaterThan(0);
    await expect(fm.createFirewallMark(clusterId, { ...web, mark: 443, name: "x" })).rejects.toBeInstanceOf(AuthorizationError);
  });
});

describe("virtual servers and real servers", () => {
  it("[operator] creates a virtual server from a bundle with the scheduler and persistence chosen first", async () => {
    as("operator");
    const bundle = (await fm.listFirewallMarks(clusterId)).find((b) => b.values.name === "http-https")!;
    const created = await fromBundle.createVirtualServerFromBundle(bundle.id, { name: "http-https", scheduler: "wlc", persistence: { timeoutSeconds: 0 } });
    expect(created.values).toMatchObject({ name: "http-https", vip: "203.0.113.10", port: 80, firewallMark: 80, protocol: "tcp", scheduler: "wlc" });
    expect((await fm.getFirewallMark(bundle.id)).usedBy.map((u) => u.name)).toEqual(["http-https"]);
  });

  it("puts a bad choice beside its field and creates nothing", async () => {
    as("operator");
    const bundle = (await fm.listFirewallMarks(clusterId)).find((b) => b.values.name === "ftp")!;
    const count = await db.virtualServer.count();
    const err = await fromBundle.createVirtualServerFromBundle(bundle.id, { name: "ftp", scheduler: "wlc", persistence: { timeoutSeconds: 300, netmask: 64 } })
      .catch((e: unknown) => e);
    expect((err as InstanceType<typeof DataError>).fieldErrors?.["persistence.netmask"]).toMatch(/IPv4/);
    const taken = await fromBundle.createVirtualServerFromBundle(bundle.id, { name: "http-https", scheduler: "wlc", persistence: { timeoutSeconds: 0 } })
      .catch((e: unknown) => e);
    expect((taken as InstanceType<typeof DataError>).fieldErrors?.name).toMatch(/already the name/);
    expect(await db.virtualServer.count()).toBe(count);
  });

  it("edits persistence, adds two real servers, toggles and deletes one", async () => {
    as("operator");
    const page = await vs.listVirtualServers(clusterId, { q: "80" });
    const row = page.rows.find((r) => r.name === "http-https")!;
    const detail = await vs.getVirtualServer(row.id);
    const input = virtualServerSchema.parse({ ...detail.values, persistence: { timeoutSeconds: 300 } });
    const { realServers: _rs, ...values } = input;
    const saved = await vs.updateVirtualServer(row.id, detail.version, values);
    expect(saved.values.persistence?.timeoutSeconds).toBe(300);
    const a = await rs.createRealServer(row.id, { name: "web1", address: "10.11.12.2", weight: 1, active: true });
    await rs.createRealServer(row.id, { name: "web2", address: "10.11.12.3", weight: 2, active: true });
    const dup = await rs.createRealServer(row.id, { name: "web1", address: "10.11.12.4", weight: 1, active: true }).catch((e: unknown) => e);
    expect((dup as InstanceType<typeof DataError>).fieldErrors?.name).toBeDefined();
    const off = await rs.setRealServerActive(a.id, a.version, false);
    expect(off.values.active).toBe(false);
    await expect(rs.deleteRealServer(a.id, a.version)).rejects.toBeInstanceOf(StaleVersionError);
    await rs.deleteRealServer(off.id, off.version);
    expect((await vs.getVirtualServer(row.id)).realServers.map((r) => r.values.name)).toEqual(["web2"]);
  });

  it("refuses a duplicate virtual server name with a field error", async () => {
    as("operator");
    const input = virtualServerSchema.parse({ name: "http-https", vip: "203.0.113.20", port: 80 });
    const err = await vs.createVirtualServer(clusterId, input).catch((e: unknown) => e);
    expect((err as InstanceType<typeof DataError>).fieldErrors?.name).toMatch(/already/);
  });

  it("deleting a bundle in use names its users and needs confirmation; the delete is audited", async () => {
    as("operator");
    const bundle = (await fm.listFirewallMarks(clusterId)).find((b) => b.values.name === "http-https")!;
    const err = await fm.deleteFirewallMark(bundle.id, bundle.version, false).catch((e: unknown) => e);
    expect((err as Error).message).toContain("used by http-https");
    expect(await db.firewallMarkBundle.count({ where: { id: bundle.id } })).toBe(1);
    await fm.deleteFirewallMark(bundle.id, bundle.version, true);
    expect(await db.auditEvent.count({ where: { action: "firewallMark.delete", targetId: String(bundle.id) } })).toBe(1);
  });

  it("activates, deactivates and deletes a virtual server with version checks", async () => {
    as("operator");
    const row = (await vs.listVirtualServers(clusterId, { q: "http" })).rows[0]!;
    const off = await vs.setVirtualServerActive(row.id, row.version, false);
    expect(off.active).toBe(false);
    await expect(vs.deleteVirtualServer(row.id, row.version)).rejects.toBeInstanceOf(StaleVersionError);
    await vs.deleteVirtualServer(row.id, off.version);
    expect(await db.realServer.count({ where: { virtualServerId: row.id } })).toBe(0);
  });

  it("[viewer] may not create, edit or delete", async () => {
    as("viewer");
    const input = virtualServerSchema.parse({ name: "nope", vip: "203.0.113.30", port: 80 });
    await expect(vs.createVirtualServer(clusterId, input)).rejects.toBeInstanceOf(AuthorizationError);
    await expect(rs.deleteRealServer(1, 1)).rejects.toBeInstanceOf(AuthorizationError);
  });
});

describe("the dashboard", () => {
  it("counts objects, lints with links and tells whether the configuration changed since the last export", async () => {
    as("viewer");
    const d = await dash.getDashboard(clusterId);
    expect(d.counts.firewallMarks).toBe(1);
    expect(d.lastExport).toBeNull();
    expect(d.changedSinceExport).toBe(true);
    const unused = d.diagnostics.find((x) => x.code === "BUNDLE_WITHOUT_VIRTUAL_SERVER");
    expect(unused?.target).toMatchObject({ page: expect.stringMatching(/^\/firewall-marks\/\d+$/), objectName: expect.stringMatching(/^bundle /) });
    await db.export.create({ data: { clusterId, serialNo: d.cluster.serialNo, authorName: "t", document: "{}", documentSha256: "x" } });
    expect((await dash.getDashboard(clusterId)).changedSinceExport).toBe(false);
  });
});
