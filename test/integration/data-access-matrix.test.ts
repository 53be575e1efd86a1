import { beforeAll, describe, expect, it, vi } from "vitest";
import { snapshotTables } from "../support/db-snapshot";
import { createTestDatabase } from "../support/test-db";

// Issue 16: every exported data function of the panels' data layer × every
// role, through the real session store and grants. A refused call throws the
// right error and changes no row; an allowed mutation writes its audit row; a
// versioned write on a stale version is refused and changes no row.

vi.mock("next/headers", () => import("../support/next-request"));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));

await createTestDatabase("data-access-matrix");
const { fakeRequest } = await import("../support/next-request");
const { db } = await import("@/lib/server/db");
const { createSession } = await import("@/lib/server/auth/session-store");
const { AuthorizationError } = await import("@/lib/server/auth/permissions");
const { NotFoundError, StaleVersionError } = await import("@/lib/server/data-errors");
const fm = await import("@/lib/server/firewall-marks");
const vs = await import("@/lib/server/virtual-servers");
const rs = await import("@/lib/server/real-servers");
const clusters = await import("@/lib/server/clusters");
const settings = await import("@/lib/server/cluster-settings");
const { createVirtualServerFromBundle } = await import("@/lib/server/virtual-server-from-bundle");
const { getDashboard } = await import("@/lib/server/dashboard");
const { createExport, listExports } = await import("@/lib/server/exports");
const { previewCluster } = await import("@/lib/server/preview");
const { listAuditEvents } = await import("@/lib/server/audit-queries");
const { listClusterGrants } = await import("@/lib/server/cluster-grants");
const { firewallMarkSchema, virtualServerSchema, realServerSchema } = await import("@/lib/domain/schema");
const { globalSettingsSchema, redundancySchema } = await import("@/lib/domain/schema/cluster-forms");

type Who = "anonymous" | "viewer" | "operator" | "admin" | "hidden";
const WHO: Who[] = ["anonymous", "viewer", "operator", "admin", "hidden"];
const userIds: Partial<Record<Who, number>> = {};

async function signIn(who: Who): Promise<void> {
  fakeRequest.reset();
  if (who === "anonymous") return;
  const { token } = await createSession(db, userIds[who]!, { ip: "203.0.113.50", userAgent: "vitest" });
  fakeRequest.jar.set("lvs_session", token);
}

interface Fixture { cluster: number; clusterVersion: number; bundle: number; spare: number; vs: number; rs: number }
let n = 0;

// A cluster of its own per case: an HTTP+HTTPS bundle behind one virtual server
// with one real server, and a spare bundle no virtual server uses yet.
async function fixture(): Promise<Fixture> {
  await signIn("admin");
  n += 1;
  const c = await clusters.createCluster({ name: `m-${n}`, primary: { publicIp: "192.0.2.2" } });
  // Direct routing: a new cluster is NAT without a NAT router, which would block its export.
  await db.cluster.update({ where: { id: c.id }, data: { network: "direct" } });
  const bundle = await fm.createFirewallMark(c.id, firewallMarkSchema.parse({ mark: 80, name: "web", vip: "192.0.2.10", ports: ["80", "443"] }));
  const spare = await fm.createFirewallMark(c.id, firewallMarkSchema.parse({ mark: 90, name: "spare", vip: "192.0.2.20", ports: ["8080"] }));
  const v = await vs.createVirtualServer(c.id, virtualServerSchema.parse({
    name: "web", vip: "192.0.2.10", port: 80, firewallMark: 80, realServers: [{ name: "r1", address: "192.0.2.31" }],
  }));
  // A grant hiding this cluster from the global admin "hidden".
  await db.clusterGrant.create({ data: { userId: userIds.hidden!, clusterId: c.id, role: "none" } });
  const cluster = await db.cluster.findUniqueOrThrow({ where: { id: c.id } });
  return { cluster: c.id, clusterVersion: cluster.version, bundle: bundle.id, spare: spare.id, vs: v.id, rs: v.realServers[0]!.id };
}

const version = {
  bundle: async (id: number) => (await db.firewallMarkBundle.findUniqueOrThrow({ where: { id } })).version,
  vs: async (id: number) => (await db.virtualServer.findUniqueOrThrow({ where: { id } })).version,
  rs: async (id: number) => (await db.realServer.findUniqueOrThrow({ where: { id } })).version,
  cluster: async (id: number) => (await db.cluster.findUniqueOrThrow({ where: { id } })).version,
};

const bundleInput = firewallMarkSchema.parse({ mark: 81, name: "alt", vip: "192.0.2.11", ports: ["8443"] });
const vsInput = virtualServerSchema.parse({ name: "web", vip: "192.0.2.10", port: 80, firewallMark: 80, scheduler: "rr" });
const rsInput = realServerSchema.parse({ name: "r1", address: "192.0.2.32", weight: 3 });
const globalInput = (name: string) => globalSettingsSchema.parse({ name, primary: { publicIp: "192.0.2.3" }, network: "direct" });
const redundancyInput = redundancySchema.parse({ backup: { enabled: true, publicIp: "192.0.2.4" } });

type Least = "viewer" | "operator" | "admin";
interface Case {
  name: string;
  least: Least;
  /** Versioned writes: the call with a given version offset (-1: one behind, refused as stale). */
  versioned?: (f: Fixture, offset: number) => Promise<unknown>;
  call: (f: Fixture) => Promise<unknown>;
  /** The audit action an allowed call writes, and its target. */
  audit?: (f: Fixture) => { action: string; targetId: number };
}

/** A versioned write: `write(f, version)` called with the object's current version (or one behind). */
function versioned(name: string, least: Least, current: (f: Fixture) => Promise<number>, write: (f: Fixture, version: number) => Promise<unknown>,
  audit: (f: Fixture) => { action: string; targetId: number }): Case {
  const at = async (f: Fixture, offset: number) => write(f, (await current(f)) + offset);
  return { name, least, versioned: at, call: (f) => at(f, 0), audit };
}

const CASES: Case[] = [
  { name: "listFirewallMarks", least: "viewer", call: (f) => fm.listFirewallMarks(f.cluster) },
  { name: "getFirewallMark", least: "viewer", call: (f) => fm.getFirewallMark(f.bundle) },
  { name: "listVirtualServers", least: "viewer", call: (f) => vs.listVirtualServers(f.cluster) },
  { name: "getVirtualServer", least: "viewer", call: (f) => vs.getVirtualServer(f.vs) },
  { name: "getClusterSettings", least: "viewer", call: (f) => settings.getClusterSettings(f.cluster) },
  { name: "getDashboard", least: "viewer", call: (f) => getDashboard(f.cluster) },
  { name: "previewCluster", least: "viewer", call: (f) => previewCluster(f.cluster) },
  { name: "listExports", least: "viewer", call: (f) => listExports(f.cluster) },
  { name: "selectCluster", least: "viewer", call: (f) => clusters.selectCluster(f.cluster) },
  { name: "createFirewallMark", least: "operator", call: (f) => fm.createFirewallMark(f.cluster, bundleInput),
    audit: () => ({ action: "firewallMark.create", targetId: -1 }) },
  versioned("updateFirewallMark", "operator", (f) => version.bundle(f.bundle), (f, ver) => fm.updateFirewallMark(f.bundle, ver, { ...bundleInput, mark: 80, vip: "192.0.2.10" }),
    (f) => ({ action: "firewallMark.update", targetId: f.bundle })),
  versioned("deleteFirewallMark", "operator", (f) => version.bundle(f.spare), (f, ver) => fm.deleteFirewallMark(f.spare, ver, false),
    (f) => ({ action: "firewallMark.delete", targetId: f.spare })),
  { name: "createVirtualServerFromBundle", least: "operator", call: (f) => createVirtualServerFromBundle(f.spare, { name: "from-spare", scheduler: "wlc", persistence: { timeoutSeconds: 0 } }),
    audit: () => ({ action: "virtualServer.create", targetId: -1 }) },
  { name: "createVirtualServer", least: "operator", call: (f) => vs.createVirtualServer(f.cluster, { ...vsInput, name: "other", port: 443 }),
    audit: () => ({ action: "virtualServer.create", targetId: -1 }) },
  versioned("updateVirtualServer", "operator", (f) => version.vs(f.vs), (f, ver) => vs.updateVirtualServer(f.vs, ver, vsInput),
    (f) => ({ action: "virtualServer.update", targetId: f.vs })),
  versioned("setVirtualServerActive(false)", "operator", (f) => version.vs(f.vs), (f, ver) => vs.setVirtualServerActive(f.vs, ver, false),
    (f) => ({ action: "virtualServer.deactivate", targetId: f.vs })),
  { name: "setVirtualServerActive(true)", least: "operator",
    call: async (f) => vs.setVirtualServerActive(f.vs, await version.vs(f.vs), true),
    audit: (f) => ({ action: "virtualServer.activate", targetId: f.vs }) },
  versioned("deleteVirtualServer", "operator", (f) => version.vs(f.vs), (f, ver) => vs.deleteVirtualServer(f.vs, ver),
    (f) => ({ action: "virtualServer.delete", targetId: f.vs })),
  { name: "createRealServer", least: "operator", call: (f) => rs.createRealServer(f.vs, { ...rsInput, name: "r2" }),
    audit: () => ({ action: "realServer.create", targetId: -1 }) },
  versioned("updateRealServer", "operator", (f) => version.rs(f.rs), (f, ver) => rs.updateRealServer(f.rs, ver, rsInput),
    (f) => ({ action: "realServer.update", targetId: f.rs })),
  versioned("setRealServerActive(false)", "operator", (f) => version.rs(f.rs), (f, ver) => rs.setRealServerActive(f.rs, ver, false),
    (f) => ({ action: "realServer.deactivate", targetId: f.rs })),
  { name: "setRealServerActive(true)", least: "operator",
    call: async (f) => rs.setRealServerActive(f.rs, await version.rs(f.rs), true),
    audit: (f) => ({ action: "realServer.activate", targetId: f.rs }) },
  versioned("deleteRealServer", "operator", (f) => version.rs(f.rs), (f, ver) => rs.deleteRealServer(f.rs, ver),
    (f) => ({ action: "realServer.delete", targetId: f.rs })),
  { name: "createExport", least: "operator", call: async (f) => expect(await createExport({ clusterId: f.cluster, comment: "" })).toMatchObject({ status: "created" }),
    audit: () => ({ action: "export.create", targetId: -1 }) },
  versioned("renameCluster", "admin", (f) => version.cluster(f.cluster), (f, ver) => clusters.renameCluster(f.cluster, ver, { name: `renamed-${f.cluster}` }),
    (f) => ({ action: "cluster.rename", targetId: f.cluster })),
  versioned("updateGlobalSettings", "admin", (f) => version.cluster(f.cluster), (f, ver) => settings.updateGlobalSettings(f.cluster, ver, globalInput(`g-${f.cluster}`)),
    (f) => ({ action: "cluster.settings.update", targetId: f.cluster })),
  versioned("updateRedundancy", "admin", (f) => version.cluster(f.cluster), (f, ver) => settings.updateRedundancy(f.cluster, ver, redundancyInput),
    (f) => ({ action: "cluster.redundancy.update", targetId: f.cluster })),
  versioned("deleteCluster", "admin", (f) => version.cluster(f.cluster), (f, ver) => clusters.deleteCluster(f.cluster, ver),
    (f) => ({ action: "cluster.delete", targetId: f.cluster })),
];

const RANK: Record<Least, number> = { viewer: 0, operator: 1, admin: 2 };
const allowed = (who: Who, least: Least) => who !== "anonymous" && who !== "hidden" && RANK[who] >= RANK[least];

beforeAll(async () => {
  for (const who of ["viewer", "operator", "admin", "hidden"] as const) {
    userIds[who] = (await db.user.create({
      data: { username: `mx-${who}`, role: who === "hidden" ? "admin" : who, passwordHash: "$argon2id$v=19$m=19456,t=2,p=1$unused$unused" },
    })).id;
  }
  // One more cluster, so deleting a case's cluster never deletes the last one.
  await db.cluster.create({ data: { name: "keep", primaryPublicIp: "192.0.2.1" } });
});

describe.each(CASES)("$name", (c) => {
  const denied = WHO.filter((w) => !allowed(w, c.least));

  it.each(denied)("refuses %s and changes nothing", async (who) => {
    const f = await fixture();
    await signIn(who);
    const before = await snapshotTables(db);
    const error = await c.call(f).then(() => null, (e: unknown) => e);
    if (who === "anonymous") expect((error as InstanceType<typeof AuthorizationError>)?.status).toBe(401);
    else if (who === "hidden") expect(error).toBeInstanceOf(NotFoundError);
    else {
      expect(error).toBeInstanceOf(AuthorizationError);
      expect((error as InstanceType<typeof AuthorizationError>).status).toBe(403);
    }
    expect(await snapshotTables(db)).toBe(before);
  });

  it(`allows ${c.least} and above${c.audit ? ", auditing the change" : ", writing nothing"}`, async () => {
    for (const who of WHO.filter((w) => allowed(w, c.least))) {
      const f = await fixture();
      await signIn(who);
      const before = await snapshotTables(db);
      const lastAudit = (await db.auditEvent.aggregate({ _max: { id: true } }))._max.id ?? 0;
      await expect(c.call(f), who).resolves.toBeDefined();
      const events = await db.auditEvent.findMany({ where: { id: { gt: lastAudit } } });
      if (!c.audit) {
        expect(events, `${who}: a read writes no audit row`).toEqual([]);
        expect(await snapshotTables(db)).toBe(before);
        continue;
      }
      const { action, targetId } = c.audit(f);
      expect(events.map((e) => e.action), who).toEqual([action]);
      expect(events[0]).toMatchObject({ actorId: userIds[who], clusterId: f.cluster, targetId: targetId === -1 ? expect.any(String) : String(targetId) });
    }
  });

  if (c.versioned) {
    const write = c.versioned;
    it("refuses a stale version and changes nothing", async () => {
      const f = await fixture();
      await signIn("admin");
      const before = await snapshotTables(db);
      await expect(write(f, -1)).rejects.toBeInstanceOf(StaleVersionError);
      expect(await snapshotTables(db)).toBe(before);
    });
  }
});
