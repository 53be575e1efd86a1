import { readFileSync } from "node:fs";
import { beforeAll, describe, expect, it, vi } from "vitest";
import type { LvsDocument } from "@/lib/domain/schema";
import { createTestDatabase } from "../support/test-db";

vi.mock("next/headers", () => import("../support/next-request"));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));

await createTestDatabase("export-restore");
const { db } = await import("@/lib/server/db");
const { signInAs } = await import("../support/sign-in");
const { createExport } = await import("@/lib/server/exports");
const { importClusterDocument, downloadClusterDocument } = await import("@/lib/server/document-transfer");
const { previewExportRestore, restoreExport } = await import("@/lib/server/export-restore");
const { compareExports } = await import("@/lib/server/export-compare");
const { restoreExportAction } = await import("@/lib/server/actions/exports");
const { AuthorizationError } = await import("@/lib/server/auth/permissions");
const { previewDocumentImport, importPreviewedDocument } = await import("@/lib/server/document-import-preview");
const { previewRouterImport } = await import("@/lib/server/import-router-files");
const { renderArtifact } = await import("@/lib/domain/render");
const { diffArtifactText } = await import("@/lib/domain/diff/text-diff");

const original = JSON.parse(readFileSync("test/fixtures/documents/manual-nat.json", "utf8")) as LvsDocument;
let clusterId: number;
let firstId: number;
let secondId: number;

const current = async () => JSON.parse((await downloadClusterDocument(clusterId, { record: false })).content) as LvsDocument;
const exportNow = async (comment: string) => {
  const r = await createExport({ clusterId, comment });
  if (r.status !== "created") throw new Error(`export ${r.status}`);
  return r.export.id;
};
const artifactOf = async (exportId: number, format: string) =>
  (await db.exportArtifact.findUniqueOrThrow({ where: { exportId_format: { exportId, format } } })).content;
const withoutSerial = (d: LvsDocument) => ({ ...d, cluster: { ...d.cluster, serialNo: 0 } });
// The second state: ftp gone, a real server of http weighted differently, a new one added.
const edited = (d: LvsDocument): LvsDocument => ({
  ...d,
  virtualServers: d.virtualServers.filter((v) => v.name !== "ftp").map((v) => v.name !== "http" ? v : {
    ...v, realServers: [{ ...v.realServers[0]!, weight: 7 }, ...v.realServers.slice(1), { ...v.realServers[1]!, name: "web3", address: "10.11.12.13" }],
  }),
});

beforeAll(async () => {
  clusterId = (await db.cluster.create({ data: { name: "restore", primaryPublicIp: "192.0.2.1" } })).id;
  await signInAs("admin");
  await importClusterDocument(clusterId, JSON.stringify({ ...original, cluster: { ...original.cluster, name: "restore" } }));
  await signInAs("operator");
  firstId = await exportNow("first");
  await importClusterDocument(clusterId, JSON.stringify(edited(await current())));
  secondId = await exportNow("second");
}, 60_000);

describe("restore an export", () => {
  it("[viewer] is refused, before and at the write, and nothing changes", async () => {
    await signInAs("viewer");
    const before = { doc: await db.cluster.findUniqueOrThrow({ where: { id: clusterId } }), exports: await db.export.count(), audit: await db.auditEvent.count() };
    await expect(previewExportRestore(firstId)).rejects.toBeInstanceOf(AuthorizationError);
    await expect(restoreExport(firstId, { baseSha256: "0".repeat(64), resultSha256: "0".repeat(64) })).rejects.toBeInstanceOf(AuthorizationError);
    expect(await restoreExportAction({ exportId: firstId, baseSha256: "0".repeat(64), resultSha256: "0".repeat(64) })).toMatchObject({ ok: false });
    expect({ doc: await db.cluster.findUniqueOrThrow({ where: { id: clusterId } }), exports: await db.export.count(), audit: await db.auditEvent.count() }).toEqual(before);
  });

  it("[operator] shows the added, changed and removed objects first", async () => {
    await signInAs("operator");
    const p = await previewExportRestore(firstId);
    expect(p.currentIsExported).toBe(true);
    expect(p.diff.settings).toEqual([]);
    expect(p.diff.virtualServers.map((c) => [c.kind, c.name]).sort()).toEqual([["added", "ftp"], ["changed", "http"]]);
    expect(p.diff.counts.virtualServers).toEqual({ added: 1, changed: 1, removed: 0, unchanged: 1 });
    const http = p.diff.virtualServers.find((c) => c.name === "http")!;
    expect(http.realServers?.filter((r) => r.kind !== "unchanged").map((r) => [r.kind, r.name])).toEqual([["changed", "web1"], ["removed", "web3"]]);
    expect(http.realServers?.find((r) => r.name === "web1")?.fields).toEqual([{ path: "weight", before: "7", after: String(original.virtualServers[0]!.realServers[0]!.weight ?? 1) }]);
  });

  it("[operator] brings back the exact install script of that export, audited, the replaced content still an export", async () => {
    await signInAs("operator");
    const p = await previewExportRestore(firstId);
    const serialBefore = (await current()).cluster.serialNo;
    const r = await restoreExport(firstId, p);
    expect(r).toMatchObject({ restoredExportId: firstId, previousExportId: secondId, clusterSettings: "kept" });
    const now = await current();
    expect(now.cluster.serialNo).toBe(serialBefore + 1);
    const stored = JSON.parse((await db.export.findUniqueOrThrow({ where: { id: firstId } })).document) as LvsDocument;
    expect(withoutSerial(now)).toEqual(withoutSerial(stored));

    const freshId = await exportNow("after restore");
    for (const format of ["install-script", "keepalived", "lvs.cf", "ipvsadm"]) {
      const then = await artifactOf(firstId, format);
      const again = await artifactOf(freshId, format);
      // Byte for byte what the export renders at the new serial, and the same as the old file but for the generated header lines.
      expect(again).toBe(renderArtifact(format as "install-script", { ...stored, cluster: { ...stored.cluster, serialNo: now.cluster.serialNo } }));
      expect(diffArtifactText(format, then, again).unchanged, format).toBe(true);
      const body = (t: string) => t.split("\n").filter((l) => !/^[#!] Generated by LVS Console|^serial_no = /.test(l)).join("\n");
      expect(body(again), format).toBe(body(then));
    }

    const event = await db.auditEvent.findFirstOrThrow({ where: { clusterId, action: "document.import" }, orderBy: { id: "desc" } });
    expect(event.detail).toMatch(new RegExp(`^restore of export #${firstId} \\(serial \\d+, document sha256 [0-9a-f]{64}\\)`));
    expect(event.actorName).toBe("it-operator");
    expect(JSON.parse(event.after!)).toMatchObject({ virtualServers: stored.virtualServers.length });
  });

  it("[operator] is undone by restoring the export that kept the content it replaced", async () => {
    await signInAs("operator");
    // Content that no export holds: the restore keeps it as an export of its own first.
    const doc = await current();
    const unsaved = { ...doc, virtualServers: doc.virtualServers.filter((v) => v.name !== "https") };
    await importClusterDocument(clusterId, JSON.stringify(unsaved));
    const exportsBefore = await db.export.count();
    const r = await restoreExport(secondId, await previewExportRestore(secondId));
    expect(await db.export.count()).toBe(exportsBefore + 1);
    const kept = await db.export.findUniqueOrThrow({ where: { id: r.previousExportId! } });
    expect(kept.comment).toBe(`Content before restoring export #${secondId} (kept automatically)`);
    expect(await db.auditEvent.count({ where: { action: "export.create", targetId: String(kept.id) } })).toBe(1);

    const preview = await previewExportRestore(kept.id);
    expect(preview.currentIsExported).toBe(true);
    await restoreExport(kept.id, preview);
    expect(withoutSerial(await current())).toEqual(withoutSerial({ ...unsaved, cluster: (await current()).cluster }));
  });

  it("[operator] refuses a restore whose preview is out of date, and writes nothing", async () => {
    await signInAs("operator");
    const p = await previewExportRestore(firstId);
    const doc = await current();
    await importClusterDocument(clusterId, JSON.stringify({ ...doc, virtualServers: doc.virtualServers.slice(1) }));
    const before = await current();
    await expect(restoreExport(firstId, p)).rejects.toThrow(/changed since this restore was previewed/);
    expect(await current()).toEqual(before);
  });

  it("[operator] keeps cluster settings for a role that may not change them, and says which", async () => {
    await signInAs("admin");
    const doc = await current();
    await importClusterDocument(clusterId, JSON.stringify({ ...doc, cluster: { ...doc.cluster, primary: { ...doc.cluster.primary, publicIp: "192.0.2.99" } } }));
    await signInAs("operator");
    const p = await previewExportRestore(firstId);
    expect(p.settingsKept).toEqual(["primary"]);
    expect(p.diff.settings).toEqual([]);
    await restoreExport(firstId, p);
    expect((await current()).cluster.primary.publicIp).toBe("192.0.2.99");
  });
});

describe("compare two exports", () => {
  it("[viewer] compares the model and every artifact; an artifact that differs only in its header is unchanged", async () => {
    await signInAs("viewer");
    const c = await compareExports(firstId, secondId);
    expect(c.model.virtualServers.map((v) => [v.kind, v.name]).sort()).toEqual([["changed", "http"], ["removed", "ftp"]]);
    expect(c.model.counts.virtualServers).toEqual({ added: 0, changed: 1, removed: 1, unchanged: 1 });
    expect(c.model.settings).toEqual([]);
    const byFormat = new Map(c.artifacts.map((a) => [a.format, a]));
    expect(byFormat.get("ipvsadm")?.status).toBe("changed");
    expect(byFormat.get("ipvsadm")?.diff?.hunks.flatMap((h) => h.lines).some((l) => l.kind === "added" && l.text.includes("10.11.12.13"))).toBe(true);
    // The iptables rules only mark the bundles' ports, which did not change: only the banner's serial moved.
    expect(byFormat.get("install-script")).toMatchObject({ status: "unchanged", diff: { identical: false, unchanged: true, hunks: [] } });
    expect(byFormat.get("install-script")!.diff!.ignoredLines).toBeGreaterThan(0);
  });

  it("refuses two exports of different clusters", async () => {
    await signInAs("operator");
    const other = (await db.cluster.create({ data: { name: "restore-other", primaryPublicIp: "192.0.2.2" } })).id;
    const e = await db.export.create({ data: { clusterId: other, serialNo: 1, authorName: "x", document: "{}", documentSha256: "0".repeat(64) } });
    await expect(compareExports(firstId, e.id)).rejects.toThrow(/same cluster|cannot read/);
  });
});

describe("import an interchange document", () => {
  const broken = '{\n  "version": 1,\n  "cluster": {\n    "name": "x",,\n  }\n}\n';

  it("[operator] reports a JSON syntax error with its line and column, on the document upload and among router files", async () => {
    await signInAs("operator");
    const err = await previewDocumentImport(clusterId, broken).catch((e: unknown) => e);
    expect(err).toMatchObject({ fieldErrors: { "(document)": 'not valid JSON: Unexpected token at line 4, column 17: found ",", expected a property name in double quotes; allowed: a JSON interchange document' } });
    const files = await previewRouterImport(clusterId, [{ name: "doc.json", text: broken }]);
    expect(files.messages).toEqual([expect.objectContaining({ severity: "error", file: "doc.json", line: 4, column: 17, message: expect.stringContaining("Unexpected token at line 4, column 17") })]);
  });

  it("[operator] shows what a document will change, then imports exactly that; a changed cluster refuses the stale preview", async () => {
    await signInAs("operator");
    const doc = await current();
    const text = JSON.stringify({ ...doc, virtualServers: doc.virtualServers.slice(1) });
    const p = await previewDocumentImport(clusterId, text);
    expect(p.diff.virtualServers.filter((c) => c.kind === "removed").map((c) => c.name)).toEqual([doc.virtualServers[0]!.name]);
    const stale = { ...p, baseSha256: "0".repeat(64) };
    await expect(importPreviewedDocument(clusterId, text, stale)).rejects.toThrow(/changed since the preview/);
    expect(await current()).toEqual(doc);
    await importPreviewedDocument(clusterId, text, p);
    expect((await current()).virtualServers.map((v) => v.name)).toEqual(doc.virtualServers.slice(1).map((v) => v.name));
  });
});
