import { readFileSync } from "node:fs";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { createTestDatabase } from "../support/test-db";

// Issue 12 items 1, 2, 9 and 14: roles per cluster, import by a non-admin,
// HEAD on download routes, and a cluster cookie that names nothing visible.

vi.mock("next/headers", () => import("../support/next-request"));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));

await createTestDatabase("cluster-roles");
const { fakeRequest } = await import("../support/next-request");
const { signInAs } = await import("../support/sign-in");
const { db } = await import("@/lib/server/db");
const { createSession } = await import("@/lib/server/auth/session-store");
const clusters = await import("@/lib/server/clusters");
const { listVirtualServers, createVirtualServer, getVirtualServer } = await import("@/lib/server/virtual-servers");
const { createExport, downloadExportArtifact } = await import("@/lib/server/exports");
const { applyClusterDocument, importClusterDocument, downloadClusterDocument } = await import("@/lib/server/document-transfer");
const { getClusterSettings } = await import("@/lib/server/cluster-settings");
const { setClusterGrant } = await import("@/lib/server/cluster-grants");
const { selectClusterAction } = await import("@/lib/server/actions/clusters");
const { importDocumentAction } = await import("@/lib/server/actions/preview");
const documentRoute = await import("@/app/api/clusters/[id]/document/route");
const artifactRoute = await import("@/app/api/exports/[id]/artifacts/[format]/route");
const archiveRoute = await import("@/app/api/exports/[id]/archive/route");

const fixture = (name: string) => readFileSync(`test/fixtures/documents/${name}`, "utf8");
const ids: Record<"edge" | "dmz" | "lab", number> = { edge: 0, dmz: 0, lab: 0 };
let teamUserId = 0;

async function signInTeam(): Promise<void> {
  const { token } = await createSession(db, teamUserId, { ip: "203.0.113.50", userAgent: "vitest" });
  fakeRequest.reset();
  fakeRequest.jar.set("lvs_session", token);
}

const vs = (name: string) => ({
  name, vip: "192.0.2.80", port: 80, protocol: "tcp" as const, scheduler: "wlc" as const, active: true,
  persistence: { timeoutSeconds: 0 }, reentrySeconds: 15, serviceTimeoutSeconds: 6, quiesceServer: false, loadMonitor: "none" as const,
}) as never;

beforeAll(async () => {
  for (const [key, name] of [["edge", "edge-1"], ["dmz", "dmz"], ["lab", "lab"]] as const) {
    ids[key] = (await db.cluster.create({ data: { name, primaryPublicIp: "192.0.2.1", network: "direct" } })).id;
  }
  teamUserId = (await db.user.create({ data: { username: "team", role: "viewer", passwordHash: "x" } })).id;
  await signInAs("admin");
  for (const id of Object.values(ids)) await createVirtualServer(id, vs(`web-${id}`));
  await setClusterGrant({ userId: teamUserId, clusterId: ids.edge, role: "operator" }, { ip: null });
  await setClusterGrant({ userId: teamUserId, clusterId: ids.lab, role: "none" }, { ip: null });
});

describe("roles per cluster (item 2)", () => {
  it("lists only the visible clusters in the switcher", async () => {
    await signInTeam();
    expect((await clusters.listClusters()).map((c) => c.name)).toEqual(["dmz", "edge-1"]);
  });

  it("is an operator on edge-1, a viewer on dmz and sees nothing of lab", async () => {
    await signInTeam();
    await expect(createVirtualServer(ids.edge, vs("team-web"))).resolves.toMatchObject({ clusterId: ids.edge });
    expect((await listVirtualServers(ids.dmz)).total).toBe(1);
    await expect(createVirtualServer(ids.dmz, vs("team-web"))).rejects.toMatchObject({ status: 403 });
    await expect(listVirtualServers(ids.lab)).rejects.toMatchObject({ name: "NotFoundError" });
    const labServer = await db.virtualServer.findFirstOrThrow({ where: { clusterId: ids.lab } });
    await expect(getVirtualServer(labServer.id)).rejects.toMatchObject({ name: "NotFoundError" });
    await expect(getClusterSettings(ids.lab)).rejects.toMatchObject({ name: "NotFoundError" });
    expect(await selectClusterAction(ids.lab)).toMatchObject({ ok: false, message: expect.stringContaining("no longer exists") });
    expect(await db.virtualServer.count({ where: { clusterId: ids.dmz } })).toBe(1);
  });

  it("answers 404, not 403, for exports and documents of a hidden cluster, and 403 where the cluster is visible", async () => {
    await signInAs("admin");
    const lab = await createExport({ clusterId: ids.lab, comment: "lab" });
    const dmz = await createExport({ clusterId: ids.dmz, comment: "dmz" });
    if (lab.status !== "created" || dmz.status !== "created") throw new Error(`exports not created: ${JSON.stringify([lab, dmz]).slice(0, 600)}`);
    await signInTeam();
    const params = (p: Record<string, string>) => ({ params: Promise.resolve(p) }) as never;
    const get = (route: { GET: (r: Request, c: never) => Promise<Response> }, p: Record<string, string>) => route.GET(new Request("http://x/"), params(p));
    expect((await get(documentRoute, { id: String(ids.lab) })).status).toBe(404);
    expect((await get(artifactRoute, { id: String(lab.export.id), format: "lvs.cf" })).status).toBe(404);
    expect((await get(archiveRoute, { id: String(lab.export.id) })).status).toBe(404);
    // dmz is visible, but a viewer there may not download.
    expect((await get(documentRoute, { id: String(ids.dmz) })).status).toBe(403);
    expect((await get(artifactRoute, { id: String(dmz.export.id), format: "lvs.cf" })).status).toBe(403);
    expect((await get(documentRoute, { id: String(ids.edge) })).status).toBe(200);
  });

  it("keeps grants per cluster in the grant table and audits each change", async () => {
    const rows = await db.clusterGrant.findMany({ where: { userId: teamUserId }, orderBy: { clusterId: "asc" } });
    expect(rows.map((g) => g.role)).toEqual(["operator", "none"]);
    expect(await db.auditEvent.count({ where: { action: "user.grant.change", targetId: String(teamUserId) } })).toBe(2);
    await signInTeam();
    await expect(setClusterGrant({ userId: teamUserId, clusterId: ids.lab, role: "admin" }, { ip: null })).rejects.toMatchObject({ status: 403 });
  });
});

describe("import by a non-admin (item 1)", () => {
  it("replaces bundles and virtual servers but leaves the cluster settings untouched, and says so", async () => {
    await signInTeam();
    const before = await getClusterSettings(ids.edge);
    const doc = JSON.parse(fixture("manual-nat.json"));
    doc.cluster.name = "edge-1";
    doc.cluster.primary = { publicIp: "198.51.100.66" };
    doc.cluster.backup = { enabled: true, publicIp: "198.51.100.67" };
    const summary = await importClusterDocument(ids.edge, JSON.stringify(doc));
    expect(summary.clusterSettings).toBe("kept");
    expect(summary.notice).toMatch(/Cluster settings were left as they are.*backup.*primary/);
    const after = await getClusterSettings(ids.edge);
    expect(after.globalSettings).toEqual(before.globalSettings);
    expect(after.redundancy).toEqual(before.redundancy);
    expect(summary.virtualServers).toBe(doc.virtualServers.length);
    expect(await db.virtualServer.count({ where: { clusterId: ids.edge } })).toBe(doc.virtualServers.length);
    const audit = await db.auditEvent.findFirstOrThrow({ where: { action: "document.import", clusterId: ids.edge }, orderBy: { id: "desc" } });
    expect(audit.detail).toContain("were not applied");
  });

  it("goes through the same rule when a document is applied directly (the importer's path)", async () => {
    await signInTeam();
    const doc = JSON.parse(await downloadClusterDocument(ids.edge).then((f) => f.content));
    doc.cluster.primary = { publicIp: "198.51.100.99" };
    const summary = await applyClusterDocument(ids.edge, doc, "keepalived.conf");
    expect(summary).toMatchObject({ clusterSettings: "kept", notice: expect.stringContaining("primary") });
    expect((await getClusterSettings(ids.edge)).globalSettings.primary.publicIp).toBe("192.0.2.1");
  });

  it("the upload action reports the kept settings", async () => {
    await signInTeam();
    const doc = JSON.parse(fixture("minimal.json"));
    doc.cluster.name = "renamed-by-operator";
    const form = new FormData();
    form.set("clusterId", String(ids.edge));
    form.set("document", new Blob([JSON.stringify(doc)], { type: "application/json" }), "doc.json");
    const r = await importDocumentAction(form);
    expect(r).toMatchObject({ ok: true, data: { clusterSettings: "kept", notice: expect.stringContaining("name") } });
    expect((await db.cluster.findUniqueOrThrow({ where: { id: ids.edge } })).name).toBe("edge-1");
  });

  it("applies the settings for an admin of the cluster", async () => {
    await signInAs("admin");
    const doc = JSON.parse(fixture("minimal.json"));
    doc.cluster.name = "dmz";
    doc.cluster.primary = { publicIp: "198.51.100.10" };
    expect(await importClusterDocument(ids.dmz, JSON.stringify(doc))).toMatchObject({ clusterSettings: "replaced" });
    expect((await getClusterSettings(ids.dmz)).globalSettings.primary.publicIp).toBe("198.51.100.10");
  });
});

describe("HEAD on download routes (item 9)", () => {
  it("answers like GET without a body and records no download", async () => {
    await signInAs("admin");
    const exp = await createExport({ clusterId: ids.edge, comment: "head" });
    if (exp.status !== "created") throw new Error("export not created");
    const before = await db.auditEvent.count({ where: { action: { in: ["export.download", "document.download"] } } });
    const ctx = (p: Record<string, string>) => ({ params: Promise.resolve(p) }) as never;
    const heads = [
      await documentRoute.HEAD(new Request("http://x/", { method: "HEAD" }), ctx({ id: String(ids.edge) })),
      await artifactRoute.HEAD(new Request("http://x/", { method: "HEAD" }), ctx({ id: String(exp.export.id), format: "lvs.cf" })),
      await archiveRoute.HEAD(new Request("http://x/", { method: "HEAD" }), ctx({ id: String(exp.export.id) })),
    ];
    expect(heads.map((r) => r.status)).toEqual([200, 200, 200]);
    expect(heads.every((r) => r.body === null && r.headers.get("content-disposition")?.startsWith("attachment"))).toBe(true);
    expect(await db.auditEvent.count({ where: { action: { in: ["export.download", "document.download"] } } })).toBe(before);
    await downloadExportArtifact(exp.export.id, "lvs.cf");
    expect(await db.auditEvent.count({ where: { action: { in: ["export.download", "document.download"] } } })).toBe(before + 1);
  });
});

describe("cluster cookie (item 14)", () => {
  it.each(["99999999999999999999", "2147483648", "-1", "1e3", "abc", ""])("ignores lvs_cluster=%j", async (value) => {
    await signInTeam();
    fakeRequest.jar.set("lvs_cluster", value);
    expect((await clusters.getSelectedCluster()).id).toBe(ids.edge);
  });

  it("ignores a cookie naming a cluster the user may not see", async () => {
    await signInTeam();
    fakeRequest.jar.set("lvs_cluster", String(ids.lab));
    expect((await clusters.getSelectedCluster()).name).not.toBe("lab");
  });
});

describe("cluster in the URL (issue 13 item 9)", () => {
  it("finds a visible cluster by the id of its segment, whatever name follows", async () => {
    await signInTeam();
    for (const segment of [`${ids.edge}-edge-1`, `${ids.edge}`, `${ids.edge}-a-former-name`]) {
      expect(await clusters.findVisibleCluster(segment)).toMatchObject({ id: ids.edge, name: "edge-1" });
    }
    expect(await clusters.findVisibleCluster(`${ids.dmz}-dmz`)).toMatchObject({ id: ids.dmz });
  });

  it("finds nothing for a hidden, missing or staging cluster, or a segment without an id", async () => {
    await signInTeam();
    for (const segment of [`${ids.lab}-lab`, `${ids.lab}-edge-1`, `${ids.lab}`, "2147483647-x", "edge-1", "0-x", "", `${ids.edge}x`]) {
      expect(await clusters.findVisibleCluster(segment), segment).toBeNull();
    }
    await signInAs("admin");
    const staging = await db.cluster.create({ data: { name: "staging-url", primaryPublicIp: "192.0.2.1", stagingFor: ids.edge } });
    expect(await clusters.findVisibleCluster(`${staging.id}-staging-url`)).toBeNull();
    expect(await clusters.findVisibleCluster(`${ids.lab}-lab`)).toMatchObject({ id: ids.lab });
    await db.cluster.delete({ where: { id: staging.id } });
  });

  it("remembers the cluster last shown for / and the global pages", async () => {
    await signInTeam();
    expect(await clusters.isLastShownCluster(ids.dmz)).toBe(false);
    expect(await selectClusterAction(ids.dmz)).toMatchObject({ ok: true });
    expect(await clusters.isLastShownCluster(ids.dmz)).toBe(true);
    expect((await clusters.getSelectedCluster()).id).toBe(ids.dmz);
    expect(await clusters.isLastShownCluster(ids.edge)).toBe(false);
  });
});
