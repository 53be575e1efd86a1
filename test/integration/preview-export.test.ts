import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { createTestDatabase } from "../support/test-db";

vi.mock("next/headers", () => import("../support/next-request"));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));

await createTestDatabase("preview-export");
const { db } = await import("@/lib/server/db");
const { signInAs, signOut } = await import("../support/sign-in");
const { previewArtifact, previewCluster, previewClusterPage } = await import("@/lib/server/preview");
const { createExport, downloadExportArtifact, listExports } = await import("@/lib/server/exports");
const { importClusterDocument, downloadClusterDocument } = await import("@/lib/server/document-transfer");
const { AuthorizationError } = await import("@/lib/server/auth/permissions");

const fixture = (name: string) => path.resolve("test/fixtures/documents", name);
const cli = (args: string[]) => spawnSync("bin/lvs-console", args, { encoding: "utf8" });
let clusterId: number;

const tableCounts = async () => ({
  bundles: await db.firewallMarkBundle.count(),
  ports: await db.bundlePort.count(),
  servers: await db.virtualServer.count(),
  reals: await db.realServer.count(),
  exports: await db.export.count(),
  cluster: await db.cluster.findUniqueOrThrow({ where: { id: clusterId } }),
});

beforeAll(async () => {
  clusterId = (await db.cluster.create({ data: { name: "default", primaryPublicIp: "192.0.2.1" } })).id;
  // An admin: the fixture's cluster settings (NAT router, …) are applied only for a role that may change them.
  await signInAs("admin");
  await importClusterDocument(clusterId, readFileSync(fixture("manual-nat.json"), "utf8"));
});

describe("preview", () => {
  it("shows for every format exactly what the CLI renders from the same document", async () => {
    await signInAs("viewer");
    const preview = await previewCluster(clusterId);
    expect(preview).not.toBeNull();
    const { filename, content } = await (async () => {
      await signInAs("operator");
      return downloadClusterDocument(clusterId);
    })();
    expect(filename).toMatch(/\.lvs-console\.json$/);
    const file = path.join(process.env.TMPDIR ?? "/tmp", `preview-${process.pid}.json`);
    (await import("node:fs")).writeFileSync(file, content);
    for (const artifact of preview!.artifacts) {
      const r = cli(["render", file, "--format", artifact.format]);
      expect(r.status, r.stderr).toBe(0);
      expect(artifact.text, artifact.format).toBe(r.stdout);
    }
    expect(preview!.artifacts[0]?.format).toBe("install-script");
    expect(preview!.lastExport).toBeNull();
  });

  it("gives the page only the open tab's text and the rest on demand, identical to the full preview", async () => {
    await signInAs("viewer");
    const full = (await previewCluster(clusterId))!;
    const page = (await previewClusterPage(clusterId))!;
    expect(page.artifacts.filter((a) => a.text !== null).map((a) => a.format)).toEqual(["install-script"]);
    for (const a of full.artifacts) {
      const one = await previewArtifact(clusterId, a.format);
      expect(one?.text).toBe(a.text);
      expect(one?.documentSha256).toBe(full.documentSha256);
    }
    expect(page.diagnostics.every((d) => d.target !== undefined)).toBe(true);
  });

  it("refuses anonymous callers", async () => {
    await signOut();
    await expect(previewCluster(clusterId)).rejects.toBeInstanceOf(AuthorizationError);
  });
});

describe("export", () => {
  it("stores an immutable snapshot whose install script is byte-identical to the preview, then refuses a duplicate", async () => {
    await signInAs("operator");
    const preview = (await previewCluster(clusterId))!;
    const outcome = await createExport({ clusterId, comment: "first", previewedDocumentSha256: preview.documentSha256 });
    expect(outcome.status).toBe("created");
    const exportId = outcome.status === "created" ? outcome.export.id : 0;
    const script = await downloadExportArtifact(exportId, "install-script");
    expect(script?.content).toBe(preview.artifacts.find((a) => a.format === "install-script")?.text);
    const again = await createExport({ clusterId, comment: "again" });
    expect(again).toMatchObject({ status: "unchanged", export: { id: exportId } });
    expect(await db.auditEvent.count({ where: { action: "export.create" } })).toBe(1);
    expect(await db.auditEvent.count({ where: { action: "export.download", detail: { contains: script!.sha256 } } })).toBe(1);
    const history = await listExports(clusterId);
    expect(history.total).toBe(1);
    // A new export changes what the preview compares against, cached or not.
    const after = (await previewCluster(clusterId))!;
    expect(after.lastExport?.id).toBe(exportId);
    expect(after.changedSinceExport).toBe(false);
    expect(after.artifacts.every((a) => a.exportedBefore && !a.changed && a.diff === null)).toBe(true);
    expect(history.items[0]?.artifacts.map((a) => a.format)).toContain("install-script");
  });

  it("refuses an export when the model changed after the preview", async () => {
    await signInAs("operator");
    const preview = (await previewCluster(clusterId))!;
    await db.cluster.update({ where: { id: clusterId }, data: { serialNo: { increment: 1 } } });
    const outcome = await createExport({ clusterId, comment: "", previewedDocumentSha256: preview.documentSha256 });
    expect(outcome.status).toBe("stale");
  });

  it("is refused to a viewer, who can still read the history", async () => {
    await signInAs("viewer");
    await expect(createExport({ clusterId, comment: "" })).rejects.toMatchObject({ status: 403 });
    await expect(downloadExportArtifact(1, "install-script")).rejects.toMatchObject({ status: 403 });
    expect((await listExports(clusterId)).total).toBe(1);
  });
});

describe("document import", () => {
  it("writes nothing for an invalid document and reports every error with its path", async () => {
    await signInAs("operator");
    const before = await tableCounts();
    const doc = JSON.parse(readFileSync(fixture("manual-nat.json"), "utf8"));
    doc.firewallMarks[0].mark = 0;
    doc.firewallMarks[0].ports = ["20000-10000"];
    doc.virtualServers[0].vip = "203.0.113.300";
    const error = await importClusterDocument(clusterId, JSON.stringify(doc)).then(() => null, (e: unknown) => e);
    const fieldErrors = (error as { fieldErrors?: Record<string, string> }).fieldErrors ?? {};
    expect(Object.keys(fieldErrors).sort()).toEqual(["firewallMarks[0].mark", "firewallMarks[0].ports[0]", "virtualServers[0].vip"]);
    expect(fieldErrors["firewallMarks[0].ports[0]"]).toContain("lo > hi");
    expect(await tableCounts()).toEqual(before);
  });

  it("writes nothing for duplicate marks or malformed JSON", async () => {
    await signInAs("operator");
    const before = await tableCounts();
    const doc = JSON.parse(readFileSync(fixture("manual-nat.json"), "utf8"));
    doc.firewallMarks.push({ ...doc.firewallMarks[0], name: "copy" });
    await expect(importClusterDocument(clusterId, JSON.stringify(doc))).rejects.toMatchObject({
      fieldErrors: { [`firewallMarks[${doc.firewallMarks.length - 1}].mark`]: expect.stringContaining("already used") },
    });
    await expect(importClusterDocument(clusterId, "{ not json")).rejects.toMatchObject({
      fieldErrors: { "(document)": expect.stringContaining("not valid JSON") },
    });
    expect(await tableCounts()).toEqual(before);
  });

  it("is refused to a viewer without touching a row", async () => {
    await signInAs("viewer");
    const before = await tableCounts();
    await expect(importClusterDocument(clusterId, readFileSync(fixture("minimal.json"), "utf8"))).rejects.toMatchObject({ status: 403 });
    expect(await tableCounts()).toEqual(before);
  });

  it("round-trips: the downloaded document imports back to the same document", async () => {
    await signInAs("operator");
    const first = await downloadClusterDocument(clusterId);
    await importClusterDocument(clusterId, first.content);
    const second = await downloadClusterDocument(clusterId);
    const strip = (s: string) => ({ ...JSON.parse(s), cluster: { ...JSON.parse(s).cluster, serialNo: 0 } });
    expect(strip(second.content)).toEqual(strip(first.content));
    expect(JSON.parse(second.content).cluster.serialNo).toBe(JSON.parse(first.content).cluster.serialNo + 1);
    // The preview follows the change at once: the serial is part of its cache key.
    expect((await previewCluster(clusterId))!.serialNo).toBe(JSON.parse(second.content).cluster.serialNo);
  });
});
