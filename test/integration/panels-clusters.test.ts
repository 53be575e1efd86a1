import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createTestDatabase } from "@/test/support/test-db";

const session = vi.hoisted(() => ({ user: null as null | { userId: number; username: string; role: "viewer" | "operator" | "admin" } }));
vi.mock("@/lib/server/auth/session", () => ({ getSessionUser: async () => session.user, verifySession: async () => session.user }));
const as = (role: "viewer" | "operator" | "admin") => {
  session.user = { userId: 1, username: role, role };
};

await createTestDatabase("panels");
const { db } = await import("@/lib/server/db");
const clusters = await import("@/lib/server/clusters");
const settings = await import("@/lib/server/cluster-settings");
const { DataError, StaleVersionError } = await import("@/lib/server/data-errors");
const { AuthorizationError } = await import("@/lib/server/auth/permissions");
const { globalSettingsSchema, redundancySchema } = await import("@/lib/domain/schema/cluster-forms");

let firstId = 0;
beforeAll(async () => {
  firstId = (await db.cluster.create({ data: { name: "default", primaryPublicIp: "192.0.2.1" } })).id;
});
afterAll(async () => db.$disconnect());

describe("clusters", () => {
  it("falls back to the first cluster when the preferred one does not exist", async () => {
    as("viewer");
    expect((await clusters.resolveCluster(424242)).id).toBe(firstId);
    expect((await clusters.resolveCluster(undefined)).id).toBe(firstId);
  });

  it("[admin] creates, renames and deletes clusters; the last one remains", async () => {
    as("admin");
    const edge = await clusters.createCluster({ name: "edge-2", primary: { publicIp: "198.51.100.2" } });
    const dup = await clusters.createCluster({ name: "edge-2", primary: { publicIp: "198.51.100.3" } }).catch((e: unknown) => e);
    expect((dup as InstanceType<typeof DataError>).fieldErrors?.name).toMatch(/taken/);
    const renamed = await clusters.renameCluster(edge.id, edge.version, { name: "edge-3" });
    expect(renamed).toMatchObject({ name: "edge-3", serialNo: edge.serialNo + 1 });
    await expect(clusters.renameCluster(edge.id, edge.version, { name: "edge-4" })).rejects.toBeInstanceOf(StaleVersionError);
    await clusters.deleteCluster(edge.id, renamed.version);
    const first = await clusters.resolveCluster(firstId);
    await expect(clusters.deleteCluster(firstId, first.version)).rejects.toThrow(/At least one cluster must remain/);
    expect(await db.auditEvent.count({ where: { action: { in: ["cluster.create", "cluster.rename", "cluster.delete"] } } })).toBe(3);
  });

  it("[operator] may read but not create clusters", async () => {
    as("operator");
    expect((await clusters.listClusters()).length).toBe(1);
    await expect(clusters.createCluster({ name: "x", primary: { publicIp: "192.0.2.2" } })).rejects.toBeInstanceOf(AuthorizationError);
  });
});

describe("global settings and redundancy", () => {
  it("[admin] saves settings with a version check and bumps the serial number", async () => {
    as("admin");
    const detail = await settings.getClusterSettings(firstId);
    const input = globalSettingsSchema.parse({
      ...detail.globalSettings, natRouter: { ip: "10.11.12.10", netmask: "255.255.255.0", device: "eth1:1" },
    });
    const saved = await settings.updateGlobalSettings(firstId, detail.version, input);
    expect(saved.globalSettings.natRouter).toEqual({ ip: "10.11.12.10", netmask: "255.255.255.0", device: "eth1:1" });
    expect(saved.serialNo).toBe(detail.serialNo + 1);
    const stale = await settings.updateRedundancy(firstId, detail.version, redundancySchema.parse({})).catch((e: unknown) => e);
    expect(stale).toBeInstanceOf(StaleVersionError);
    expect((stale as InstanceType<typeof StaleVersionError>).current).toMatchObject({ version: saved.version });
    const backup = redundancySchema.parse({ backup: { enabled: true, publicIp: "192.0.2.3" }, heartbeat: { intervalSeconds: 3 } });
    const again = await settings.updateRedundancy(firstId, saved.version, backup);
    expect(again.redundancy).toMatchObject({ backup: { enabled: true, publicIp: "192.0.2.3" }, heartbeat: { intervalSeconds: 3, deadAfterSeconds: 18, port: 539 } });
  });

  it("[operator] may not change cluster settings", async () => {
    as("operator");
    const detail = await settings.getClusterSettings(firstId);
    await expect(settings.updateRedundancy(firstId, detail.version, redundancySchema.parse({}))).rejects.toBeInstanceOf(AuthorizationError);
  });
});
