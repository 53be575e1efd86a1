import { readFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { createTestDatabase } from "../support/test-db";

vi.mock("next/headers", () => import("../support/next-request"));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));

await createTestDatabase("export-withheld");
const { db } = await import("@/lib/server/db");
const { signInAs } = await import("../support/sign-in");
const { previewCluster } = await import("@/lib/server/preview");
const { createExport } = await import("@/lib/server/exports");
const { importClusterDocument } = await import("@/lib/server/document-transfer");

let clusterId: number;

// manual-nat with its devices removed: keepalived and ipvsadm can still say it, Piranha's parser cannot.
function withoutDevices(): string {
  const doc = JSON.parse(readFileSync(path.resolve("test/fixtures/documents/manual-nat.json"), "utf8")) as { virtualServers: { device?: string }[] };
  for (const vs of doc.virtualServers) delete vs.device;
  return JSON.stringify(doc);
}

beforeAll(async () => {
  clusterId = (await db.cluster.create({ data: { name: "default", primaryPublicIp: "192.0.2.1" } })).id;
  // An admin: only admins bring cluster settings (the NAT router) in with a document.
  await signInAs("admin");
  await importClusterDocument(clusterId, withoutDevices());
});

describe("an error about one format", () => {
  it("withholds that artifact from the export and exports the rest", async () => {
    await signInAs("operator");
    const preview = (await previewCluster(clusterId))!;
    expect(preview.blocked).toBe(false);
    const lvsCf = preview.artifacts.find((a) => a.format === "lvs.cf")!;
    expect(lvsCf.withheld.join("\n")).toMatch(/LVS_CF_NO_DEVICE/);
    expect(preview.artifacts.filter((a) => a.withheld.length > 0).map((a) => a.format)).toEqual(["lvs.cf"]);

    const outcome = await createExport({ clusterId, comment: "", previewedDocumentSha256: preview.documentSha256 });
    expect(outcome.status).toBe("created");
    if (outcome.status !== "created") return;
    const stored = await db.exportArtifact.findMany({ where: { exportId: outcome.export.id }, select: { format: true } });
    const formats = stored.map((a) => a.format);
    expect(formats).not.toContain("lvs.cf");
    expect(formats).toEqual(expect.arrayContaining(["install-script", "keepalived", "keepalived-backup", "ipvsadm"]));
    const event = await db.auditEvent.findFirstOrThrow({ where: { action: "export.create", targetId: String(outcome.export.id) } });
    expect(JSON.parse(event.after ?? "{}").withheld).toEqual({ "lvs.cf": expect.arrayContaining(["LVS_CF_NO_DEVICE"]) });
  });

  it("an error about every artifact still blocks the whole export", async () => {
    await signInAs("admin");
    const doc = JSON.parse(withoutDevices()) as { cluster: { natRouter?: unknown } };
    delete doc.cluster.natRouter;
    await importClusterDocument(clusterId, JSON.stringify(doc));
    await signInAs("operator");
    const preview = (await previewCluster(clusterId))!;
    expect(preview.blocked).toBe(true);
    const before = await db.export.count();
    const outcome = await createExport({ clusterId, comment: "", previewedDocumentSha256: preview.documentSha256 });
    expect(outcome.status).toBe("blocked");
    if (outcome.status === "blocked") expect(outcome.diagnostics.map((d) => d.code)).toContain("NAT_WITHOUT_ROUTER");
    expect(await db.export.count()).toBe(before);
  });
});

describe("router ids across clusters", () => {
  it("flags two clusters sharing a VRRP router id on one interface, withholds their keepalived files, and clears when one moves", async () => {
    await signInAs("admin");
    const manual = JSON.parse(readFileSync(path.resolve("test/fixtures/documents/manual-nat.json"), "utf8")) as {
      cluster: { name: string; vrrp?: { routerId: number } };
    };
    manual.cluster.vrrp = { routerId: 51 };
    await importClusterDocument(clusterId, JSON.stringify(manual));
    const other = (await db.cluster.create({ data: { name: "edge-2", primaryPublicIp: "192.0.2.2" } })).id;
    await importClusterDocument(other, JSON.stringify({ ...manual, cluster: { ...manual.cluster, name: "edge-2" } }));
    await signInAs("operator");

    const preview = (await previewCluster(clusterId))!;
    const conflict = preview.diagnostics.filter((d) => d.code === "ROUTER_ID_CONFLICT");
    expect(conflict).toHaveLength(1);
    expect(conflict[0]!.message).toMatch(/virtual_router_id 51 on eth0 is also used by cluster edge-2/);
    expect(preview.artifacts.filter((a) => a.withheld.length > 0).map((a) => a.format).sort()).toEqual(["keepalived", "keepalived-backup"]);

    // The other cluster moving to its own id clears the finding at once, though this cluster did not change.
    await signInAs("admin");
    await importClusterDocument(other, JSON.stringify({ ...manual, cluster: { ...manual.cluster, name: "edge-2", vrrp: { routerId: 52 } } }));
    await signInAs("operator");
    expect((await previewCluster(clusterId))!.diagnostics.map((d) => d.code)).not.toContain("ROUTER_ID_CONFLICT");
  });
});
