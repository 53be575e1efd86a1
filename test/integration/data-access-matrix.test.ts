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
const { previewCluster, previewClusterPage, previewClusterPageTagged, previewArtifact } = await import("@/lib/server/preview");
const { listAuditEvents } = await import("@/lib/server/audit-queries");
const { listClusterGrants } = await import("@/lib/server/cluster-grants");
const { applyRealServerBulk } = await import("@/lib/server/real-servers-bulk");
const { cloneVirtualServer } = await import("@/lib/server/virtual-server-clone");
const { getOverview, searchCluster } = await import("@/lib/server/overview");
const { getPageDiagnostics } = await import("@/lib/server/cluster-lint");
const { compareExports } = await import("@/lib/server/export-compare");
const { previewExportRestore, restoreExport } = await import("@/lib/server/export-restore");
const { downloadExportArtifact, downloadExportBundle } = await import("@/lib/server/exports");
const { getRouterLiveViews, getDriftReports } = await import("@/lib/server/router-states");
const { askWhatIf } = await import("@/lib/server/what-if");
const { previewDocumentImport } = await import("@/lib/server/document-import-preview");
const { downloadClusterDocument, importClusterDocument } = await import("@/lib/server/document-transfer");
const { previewRouterImport } = await import("@/lib/server/import-router-files");
const { readClusterDocument } = await import("@/lib/server/cluster-document");
const { firewallMarkSchema, virtualServerSchema, realServerSchema } = await import("@/lib/domain/schema");
const { globalSettingsSchema, redundancySchema } = await import("@/lib/domain/schema/cluster-forms");

type Who = "anonymous" | "viewer" | "operator" | "admin" | "hidden";
const WHO: Who[] = ["anonymous", "viewer", "operator", "admin", "hidden"];
const userIds: Partial<Record<Who, number>> = {};

// An import or restore drops the replaced rows in the background; a snapshot waits for that.
async function settled(): Promise<void> {
  for (let i = 0; i < 200 && (await db.cluster.count({ where: { stagingFor: { not: null } } })) > 0; i++) {
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

async function signIn(who: Who): Promise<void> {
  await settled();
  fakeRequest.reset();
  if (who === "anonymous") return;
  const { token } = await createSession(db, userIds[who]!, { ip: "203.0.113.50", userAgent: "vitest" });
  fakeRequest.jar.set("lvs_session", token);
}

interface Fixture { cluster: number; clusterVersion: number; bundle: number; spare: number; vs: number; rs: number; exports: number[] }
let n = 0;

// A cluster of its own per case: an HTTP+HTTPS bundle behind one virtual server
// with one real server, and a spare bundle no virtual server uses yet.
async function fixture(spec?: Case): Promise<Fixture> {
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
  // Cases about exports get two, made by the admin: before and after a change.
  const exports: number[] = [];
  for (let i = 0; i < (spec?.exports ?? 0); i++) {
    if (i > 0) await vs.setVirtualServerActive(v.id, await version.vs(v.id), i % 2 === 0);
    const made = await createExport({ clusterId: c.id, comment: `matrix ${i}` });
    if (made.status !== "created") throw new Error(`fixture export not created: ${made.status}`);
    exports.push(made.export.id);
  }
  const cluster = await db.cluster.findUniqueOrThrow({ where: { id: c.id } });
  return { cluster: c.id, clusterVersion: cluster.version, bundle: bundle.id, spare: spare.id, vs: v.id, rs: v.realServers[0]!.id, exports };
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
  /** The audit action(s) an allowed call writes, and the target of the first. */
  audit?: (f: Fixture) => { action: string | string[]; targetId: number };
  /** How many exports the fixture needs (made by the admin before the call). */
  exports?: number;
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
  // Added with the overview, the real-server table, export history and the router round trip.
  versioned("applyRealServerBulk", "operator", (f) => version.rs(f.rs), (f, ver) => applyRealServerBulk(f.vs, "drain", [{ id: f.rs, version: ver }]),
    (f) => ({ action: "realServer.bulk.drain", targetId: f.vs })),
  { name: "cloneVirtualServer", least: "operator", call: (f) => cloneVirtualServer(f.vs, "web-copy"),
    audit: () => ({ action: "virtualServer.create", targetId: -1 }) },
  { name: "getOverview", least: "viewer", call: (f) => getOverview(f.cluster) },
  { name: "previewClusterPage", least: "viewer", call: (f) => previewClusterPage(f.cluster) },
  { name: "previewClusterPageTagged", least: "viewer", call: (f) => previewClusterPageTagged(f.cluster, null) },
  { name: "previewArtifact", least: "viewer", call: (f) => previewArtifact(f.cluster, "install-script") },
  { name: "searchCluster", least: "viewer", call: (f) => searchCluster(f.cluster, "web") },
  { name: "getPageDiagnostics", least: "viewer", call: (f) => getPageDiagnostics(f.cluster, `/virtual-servers/${f.vs}`, { virtualServerId: f.vs }) },
  { name: "getRouterLiveViews", least: "viewer", call: (f) => getRouterLiveViews(f.cluster) },
  { name: "getDriftReports", least: "viewer", call: (f) => getDriftReports(f.cluster) },
  { name: "askWhatIf", least: "viewer", call: (f) => askWhatIf(f.cluster, { to: "192.0.2.10:443", protocol: "tcp", from: "" }) },
  { name: "compareExports", least: "viewer", exports: 2, call: (f) => compareExports(f.exports[0]!, f.exports[1]!) },
  { name: "previewExportRestore", least: "operator", exports: 2, call: (f) => previewExportRestore(f.exports[0]!) },
  { name: "restoreExport", least: "operator", exports: 2,
    call: async (f) => {
      const { baseSha256, resultSha256 } = await previewExportRestore(f.exports[0]!);
      return restoreExport(f.exports[0]!, { baseSha256, resultSha256 });
    },
    // The replaced content equals the later export, which is kept as the undo: no second export, one event.
    audit: (f) => ({ action: "document.import", targetId: f.cluster }) },
  { name: "downloadExportArtifact", least: "operator", exports: 1, call: (f) => downloadExportArtifact(f.exports[0]!, "install-script"),
    audit: (f) => ({ action: "export.download", targetId: f.exports[0]! }) },
  { name: "downloadExportBundle", least: "operator", exports: 1, call: (f) => downloadExportBundle(f.exports[0]!),
    audit: (f) => ({ action: "export.download", targetId: f.exports[0]! }) },
  { name: "downloadClusterDocument", least: "operator", call: (f) => downloadClusterDocument(f.cluster),
    audit: (f) => ({ action: "document.download", targetId: f.cluster }) },
  { name: "previewDocumentImport", least: "operator", call: async (f) => previewDocumentImport(f.cluster, (await matrixDocument(f)).text) },
  { name: "importClusterDocument", least: "operator", call: async (f) => importClusterDocument(f.cluster, (await matrixDocument(f)).text),
    audit: (f) => ({ action: "document.import", targetId: f.cluster }) },
  { name: "previewRouterImport", least: "operator",
    call: (f) => previewRouterImport(f.cluster, [{ name: "ipvsadm.rules", text: "-A -t 192.0.2.10:80 -s rr\n-a -t 192.0.2.10:80 -r 192.0.2.31:80 -g -w 1\n" }]) },
];

// The cluster's own document with one more real server, read as the admin (a change an import can make).
async function matrixDocument(f: Fixture): Promise<{ text: string }> {
  const doc = (await readClusterDocument(f.cluster))!;
  const [first, ...rest] = doc.virtualServers;
  const changed = { ...doc, virtualServers: [{ ...first!, realServers: [...first!.realServers, { name: "r9", address: "192.0.2.39", weight: 1, active: true }] }, ...rest] };
  return { text: JSON.stringify(changed) };
}

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
    const f = await fixture(c);
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
      const f = await fixture(c);
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
      expect(events.map((e) => e.action), who).toEqual(typeof action === "string" ? [action] : action);
      expect(events[0]).toMatchObject({ actorId: userIds[who], clusterId: f.cluster, targetId: targetId === -1 ? expect.any(String) : String(targetId) });
    }
  });

  if (c.versioned) {
    const write = c.versioned;
    it("refuses a stale version and changes nothing", async () => {
      const f = await fixture(c);
      await signIn("admin");
      const before = await snapshotTables(db);
      await expect(write(f, -1)).rejects.toBeInstanceOf(StaleVersionError);
      expect(await snapshotTables(db)).toBe(before);
    });
  }
});

// Every exported function of these data modules has a row above, or is named
// here with why it needs none: a new data function without a row fails.
describe("the matrix covers the data layer", () => {
  const NOT_CALLED_BY_ROLE: Record<string, string> = {
    readLintedSnapshot: "no authorization by design; its callers (dashboard, overview, getPageDiagnostics) are rows",
    toExportSummary: "pure mapping", lastExportOf: "query shape", findLastExport: "helper of createExport/preview, callers check",
    isChangedSinceExport: "pure", listClusters: "lists only what the session may see (tested in clusters tests)",
    getSelectedCluster: "the session's own selection (tested in clusters tests)",
    resolveCluster: "the session's own selection from its cookie (tested in clusters tests)", createCluster: "admin-only, tested in clusters tests",
    findVisibleCluster: "null, as a 404, for what the session may not see (tested in cluster-roles tests)",
    isLastShownCluster: "reads the session's own cookie (tested in cluster-roles tests)",
    changedClusterSettings: "pure", documentTooLarge: "error constructor", documentErrors: "error constructor",
    applyClusterDocument: "the write path behind importClusterDocument and restoreExport (rows)",
    importPreviewedDocument: "importClusterDocument with the preview's checksums (same check, same write)",
    readDocumentUpload: "form parsing", applyRouterImport: "previewRouterImport's write, same requireClusterPermission",
    uploadRouterState: "needs a collected state file; tested in router-states tests",
    createVirtualServerFromBundle: "row above under its name",
  };
  const modules = { fm, vs, rs, clusters, settings, applyRealServerBulk: { applyRealServerBulk }, cloneVirtualServer: { cloneVirtualServer } };
  it("names every exported data function", async () => {
    const more = await Promise.all(["@/lib/server/overview", "@/lib/server/export-compare", "@/lib/server/export-restore", "@/lib/server/exports",
      "@/lib/server/router-states", "@/lib/server/what-if", "@/lib/server/document-import-preview", "@/lib/server/document-transfer",
      "@/lib/server/import-router-files", "@/lib/server/cluster-lint", "@/lib/server/dashboard", "@/lib/server/preview"].map((m) => import(m)));
    const exported = [...Object.values(modules), ...more].flatMap((m) => Object.entries(m as Record<string, unknown>))
      .filter(([, v]) => typeof v === "function").map(([k]) => k);
    const rows = new Set(CASES.map((c) => c.name.replace(/\(.*\)$/, "")));
    const missing = [...new Set(exported)].filter((k) => !rows.has(k) && !(k in NOT_CALLED_BY_ROLE));
    expect(missing).toEqual([]);
  });
});
