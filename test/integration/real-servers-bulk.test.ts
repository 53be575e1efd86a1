import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createTestDatabase } from "../support/test-db";

// Issue 13 item 2: bulk real-server actions and cloning, on a real database.
vi.mock("next/headers", () => import("../support/next-request"));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));

await createTestDatabase("real-servers-bulk");
const { signInAs: as } = await import("../support/sign-in");
const { db } = await import("@/lib/server/db");
const bulkActions = await import("@/lib/server/actions/real-servers-bulk");
const cloneActions = await import("@/lib/server/actions/virtual-server-clone");
const vs = await import("@/lib/server/virtual-servers");
const bulk = await import("@/lib/server/real-servers-bulk");
const clone = await import("@/lib/server/virtual-server-clone");
const { DataError, StaleVersionError } = await import("@/lib/server/data-errors");
const { AuthorizationError } = await import("@/lib/server/auth/permissions");

let clusterId = 0;
let webId = 0;
const rsNames = ["web1", "web2", "web3", "web4"];

const realServers = async () => (await vs.getVirtualServer(webId)).realServers;
const picksOf = async (names: string[]) =>
  (await realServers()).filter((r) => names.includes(r.values.name)).map((r) => ({ id: r.id, version: r.version }));
const auditCount = () => db.auditEvent.count();
const snapshot = async () => JSON.stringify(await db.realServer.findMany({ orderBy: { id: "asc" } }));

beforeAll(async () => {
  clusterId = (await db.cluster.create({ data: { name: "edge-bulk", primaryPublicIp: "203.0.113.2" } })).id;
  await as("operator");
  const created = await vs.createVirtualServer(clusterId, {
    name: "web", active: true, vip: "203.0.113.10", port: 80, protocol: "tcp", firewallMark: 80, scheduler: "wlc",
    persistence: { timeoutSeconds: 300 }, reentrySeconds: 15, serviceTimeoutSeconds: 6, quiesceServer: false, loadMonitor: "none",
    realServers: rsNames.map((name, i) => ({ name, address: `10.11.12.${i + 2}`, weight: 1, active: true })),
  });
  webId = created.id;
});
afterAll(async () => db.$disconnect());

describe("bulk real-server actions", () => {
  it("[operator] drains three real servers in one transaction with ONE audit event naming them", async () => {
    await as("operator");
    const events = await auditCount();
    const serial = (await db.cluster.findUniqueOrThrow({ where: { id: clusterId } })).serialNo;
    const after = await bulk.applyRealServerBulk(webId, "drain", await picksOf(["web1", "web2", "web3"]));
    expect(after.map((r) => [r.values.name, r.values.weight])).toEqual([["web1", 0], ["web2", 0], ["web3", 0]]);
    expect(await auditCount()).toBe(events + 1);
    const event = await db.auditEvent.findFirstOrThrow({ where: { action: "realServer.bulk.drain" } });
    expect(event.targetName).toBe("web");
    expect(event.detail).toBe("drain 3 real servers of virtual server web: web1, web2, web3");
    expect((JSON.parse(event.after ?? "[]") as { name: string; weight: number }[]).map((r) => r.weight)).toEqual([0, 0, 0]);
    expect((await db.cluster.findUniqueOrThrow({ where: { id: clusterId } })).serialNo).toBe(serial + 1);
    expect((await realServers()).find((r) => r.values.name === "web4")?.values.weight).toBe(1);
  });

  it("deactivates and activates several at once", async () => {
    await as("operator");
    await bulk.applyRealServerBulk(webId, "deactivate", await picksOf(["web1", "web4"]));
    expect((await realServers()).map((r) => r.values.active)).toEqual([false, true, true, false]);
    await bulk.applyRealServerBulk(webId, "activate", await picksOf(["web1", "web4"]));
    expect((await realServers()).every((r) => r.values.active)).toBe(true);
  });

  it("refuses the whole action when one selected row is stale, with every selected row's current values", async () => {
    await as("operator");
    const picks = await picksOf(["web1", "web2"]);
    const stale = [picks[0]!, { ...picks[1]!, version: picks[1]!.version - 1 }];
    const before = await snapshot();
    const events = await auditCount();
    const err = await bulk.applyRealServerBulk(webId, "deactivate", stale).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(StaleVersionError);
    expect((err as InstanceType<typeof StaleVersionError>).message).toMatch(/web1, web2/);
    const current = (err as InstanceType<typeof StaleVersionError>).current as { id: number; version: number }[];
    expect(current.map((r) => r.version)).toEqual(picks.map((p) => p.version));
    expect(await snapshot()).toBe(before);
    expect(await auditCount()).toBe(events);
  });

  it("refuses a real server of another virtual server, an empty selection and a repeated row, changing nothing", async () => {
    await as("operator");
    const other = await vs.createVirtualServer(clusterId, {
      name: "other", active: true, vip: "203.0.113.11", port: 80, protocol: "tcp", scheduler: "wlc", reentrySeconds: 15,
      serviceTimeoutSeconds: 6, quiesceServer: false, loadMonitor: "none", realServers: [{ name: "x1", address: "10.0.0.9", weight: 1, active: true }],
    });
    const before = await snapshot();
    const foreign = { id: other.realServers[0]!.id, version: other.realServers[0]!.version };
    await expect(bulk.applyRealServerBulk(webId, "delete", [...(await picksOf(["web1"])), foreign])).rejects.toThrow(/no longer exists/);
    await expect(bulk.applyRealServerBulk(webId, "delete", [])).rejects.toBeInstanceOf(DataError);
    const one = await picksOf(["web1"]);
    await expect(bulk.applyRealServerBulk(webId, "delete", [...one, ...one])).rejects.toThrow(/selected twice/);
    expect(await snapshot()).toBe(before);
  });

  it("[viewer] is refused and changes nothing; no audit event", async () => {
    const picks = await picksOf(rsNames);
    const before = await snapshot();
    const events = await auditCount();
    await as("viewer");
    for (const action of bulk.REAL_SERVER_BULK_ACTIONS) {
      await expect(bulk.applyRealServerBulk(webId, action, picks)).rejects.toBeInstanceOf(AuthorizationError);
      expect(await bulkActions.applyRealServerBulkAction(webId, action, picks)).toEqual({ ok: false, message: expect.stringMatching(/role does not allow/) });
    }
    await expect(clone.cloneVirtualServer(webId, "web-viewer")).rejects.toBeInstanceOf(AuthorizationError);
    expect(await cloneActions.cloneVirtualServerAction(webId, { name: "web-viewer" })).toMatchObject({ ok: false });
    expect(await snapshot()).toBe(before);
    expect(await auditCount()).toBe(events);
    expect(await db.virtualServer.count({ where: { name: "web-viewer" } })).toBe(0);
  });
});

describe("clone", () => {
  it("[operator] clones a virtual server with its real servers under a new name", async () => {
    await as("operator");
    const copy = await clone.cloneVirtualServer(webId, "web-b");
    const original = await vs.getVirtualServer(webId);
    expect(copy.id).not.toBe(webId);
    expect(copy.values).toEqual({ ...original.values, name: "web-b" });
    expect(copy.realServers.map((r) => r.values)).toEqual(original.realServers.map((r) => r.values));
    expect(copy.realServers.map((r) => r.id)).not.toEqual(original.realServers.map((r) => r.id));
  });

  it("refuses a taken or invalid name on the name field, creating nothing", async () => {
    await as("operator");
    const count = await db.virtualServer.count();
    const taken = await clone.cloneVirtualServer(webId, "web-b").catch((e: unknown) => e);
    expect((taken as InstanceType<typeof DataError>).fieldErrors?.name).toMatch(/already the name/);
    const bad = await clone.cloneVirtualServer(webId, "web b;rm").catch((e: unknown) => e);
    expect((bad as InstanceType<typeof DataError>).fieldErrors?.name).toMatch(/allowed: 1-31 characters/);
    expect(await db.virtualServer.count()).toBe(count);
  });
});

describe("bulk delete", () => {
  it("[operator] deletes several real servers at once, auditing them in one event", async () => {
    await as("operator");
    const events = await auditCount();
    expect(await bulk.applyRealServerBulk(webId, "delete", await picksOf(["web2", "web3"]))).toEqual([]);
    expect((await realServers()).map((r) => r.values.name)).toEqual(["web1", "web4"]);
    expect(await auditCount()).toBe(events + 1);
    const event = await db.auditEvent.findFirstOrThrow({ where: { action: "realServer.bulk.delete" } });
    expect((JSON.parse(event.before ?? "[]") as { name: string }[]).map((r) => r.name)).toEqual(["web2", "web3"]);
  });
});
