import { readFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { createTestDatabase } from "../support/test-db";

vi.mock("next/headers", () => import("../support/next-request"));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));

await createTestDatabase("import-router-files");
const { db } = await import("@/lib/server/db");
const { signInAs } = await import("../support/sign-in");
const { previewRouterImport, applyRouterImport } = await import("@/lib/server/import-router-files");
const { importClusterDocument } = await import("@/lib/server/document-transfer");
const { readClusterDocument } = await import("@/lib/server/cluster-document");
const { AuthorizationError } = await import("@/lib/server/auth/permissions");

const dir = path.resolve("test/fixtures/import/piranha");
const files = ["lvs.cf", "iptables.sh"].map((name) => ({ name, text: readFileSync(path.join(dir, name), "utf8") }));
let clusterId: number;

const snapshot = async () => ({
  doc: await readClusterDocument(clusterId),
  audits: await db.auditEvent.count(),
});

beforeAll(async () => {
  clusterId = (await db.cluster.create({ data: { name: "edge", primaryPublicIp: "192.0.2.1" } })).id;
  await signInAs("admin");
  await importClusterDocument(clusterId, readFileSync(path.resolve("test/fixtures/documents/manual-nat.json"), "utf8"));
});

describe("import of router files into a cluster", () => {
  it("[viewer] may neither preview nor apply", async () => {
    await signInAs("viewer");
    await expect(previewRouterImport(clusterId, files)).rejects.toBeInstanceOf(AuthorizationError);
    await expect(applyRouterImport(clusterId, files, undefined, { baseSha256: "0".repeat(64), resultSha256: "0".repeat(64) })).rejects.toBeInstanceOf(AuthorizationError);
  });

  it("previews without writing: changes by object, warnings beside them, lint of the result", async () => {
    await signInAs("admin");
    const before = await snapshot();
    const p = await previewRouterImport(clusterId, files);
    expect(await snapshot()).toEqual(before);
    expect(p.files.map((f) => [f.name, f.format])).toEqual([["lvs.cf", "lvs.cf"], ["iptables.sh", "iptables"]]);
    // manual-nat already holds the same services under the names lvs.cf gives: they are changed, not added.
    expect(p.diff?.virtualServers.map((c) => [c.kind, c.name])).toEqual([["changed", "http"], ["changed", "https"], ["changed", "ftp"], ["added", "dns"]]);
    expect(p.diff?.settings.map((s) => s.path)).toContain("primary.publicIp");
    expect(p.messages.find((m) => m.subject === "virtualServer:ftp")?.message).toBe("virtual ftp: client_monitor not imported: the model does not carry it");
    expect(p.diagnostics.map((d) => d.code)).toContain("FTP_NEEDS_HELPER");
  });

  it("applies exactly the preview in one write with an audit event naming the files and their sha256", async () => {
    await signInAs("admin");
    const p = await previewRouterImport(clusterId, files);
    const summary = await applyRouterImport(clusterId, files, undefined, p);
    expect(summary).toMatchObject({ firewallMarks: 2, virtualServers: 4 });
    const doc = await readClusterDocument(clusterId);
    expect(doc?.cluster.name).toBe("edge-1");
    expect(doc?.cluster.primary.publicIp).toBe("192.168.26.10");
    const audit = await db.auditEvent.findFirstOrThrow({ where: { action: "document.import" }, orderBy: { id: "desc" } });
    expect(audit.detail).toContain(`lvs.cf (lvs.cf, sha256 ${p.files[0]?.sha256})`);
    const again = await previewRouterImport(clusterId, files);
    expect([...again.diff!.bundles, ...again.diff!.virtualServers].filter((c) => c.kind !== "unchanged")).toEqual([]);
  });

  it("[operator] imports services but leaves cluster settings as they are, and says so", async () => {
    await signInAs("operator");
    const settingsBefore = (await readClusterDocument(clusterId))?.cluster;
    const ka = path.resolve("test/fixtures/import/keepalived-nft");
    const withScript = ["keepalived.conf", "ruleset.nft"].map((name) => ({ name, text: readFileSync(path.join(ka, name), "utf8") }));
    // A MISC_CHECK runs as root on the router: only an admin may bring one in.
    await expect(applyRouterImport(clusterId, withScript, undefined, await previewRouterImport(clusterId, withScript))).rejects.toThrow(/only an admin may import it/);
    const kaFiles = withScript.map((f) => ({ ...f, text: f.text.replace(/MISC_CHECK \{[^}]*\}/, "TCP_CHECK {\n            connect_port 443\n        }") }));
    const p = await previewRouterImport(clusterId, kaFiles);
    expect(p.settingsKept).toBe(true);
    expect(p.diff?.settings).toEqual([]);
    expect(p.messages.some((m) => m.message.startsWith("cluster settings are left as they are"))).toBe(true);
    await applyRouterImport(clusterId, kaFiles, undefined, p);
    const after = await readClusterDocument(clusterId);
    expect({ ...after?.cluster, serialNo: 0 }).toEqual({ ...settingsBefore, serialNo: 0 });
    expect(after?.virtualServers.map((v) => v.name)).toEqual(["fwm-100", "fwm6-100"]);
  });

  it("refuses to apply when the cluster moved on since the preview, or when the files are bad; nothing written", async () => {
    await signInAs("admin");
    const p = await previewRouterImport(clusterId, files);
    await importClusterDocument(clusterId, readFileSync(path.resolve("test/fixtures/documents/minimal.json"), "utf8"));
    const before = await snapshot();
    await expect(applyRouterImport(clusterId, files, undefined, p)).rejects.toThrow(/changed since the preview/);
    const bad = [{ name: "k.conf", text: "virtual_server 192.0.2.1 80 {\n" }];
    const pb = await previewRouterImport(clusterId, bad);
    expect(pb.diff).toBeNull();
    expect(pb.messages[0]).toMatchObject({ severity: "error", file: "k.conf", line: 1 });
    await expect(applyRouterImport(clusterId, bad, undefined, pb)).rejects.toThrow(/nothing was imported/);
    expect(await snapshot()).toEqual(before);
  });
});
