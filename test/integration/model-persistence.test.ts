import { readFileSync } from "node:fs";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { createTestDatabase } from "../support/test-db";

vi.mock("next/headers", () => import("../support/next-request"));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));

await createTestDatabase("model-persistence");
const { db } = await import("@/lib/server/db");
const { signInAs } = await import("../support/sign-in");
const { importClusterDocument, downloadClusterDocument } = await import("@/lib/server/document-transfer");
const { serializeDocument } = await import("@/lib/server/artifact-set");
const { getClusterSettings, updateRedundancy } = await import("@/lib/server/cluster-settings");
const { getVirtualServer } = await import("@/lib/server/virtual-servers");
const { previewCluster } = await import("@/lib/server/preview");
const { createExport, downloadExportArtifact } = await import("@/lib/server/exports");
const { parseDocument } = await import("@/lib/domain/schema");
const { redundancySchema } = await import("@/lib/domain/schema/cluster-forms");

const text = readFileSync("test/fixtures/model/health-vrrp.json", "utf8");
let clusterId = 0;

// The expected export: the parsed document (defaults filled) with the serial the import gives it.
function expectedExport(source: string, serialNo: number): string {
  const r = parseDocument(JSON.parse(source));
  if (!r.ok) throw new Error(r.lines.join("\n"));
  return serializeDocument({ ...r.doc, cluster: { ...r.doc.cluster, serialNo } });
}

beforeAll(async () => {
  clusterId = (await db.cluster.create({ data: { name: "default", primaryPublicIp: "192.0.2.1" } })).id;
});

describe("health checks and router pairs in the database", () => {
  it("import → database → export is byte-identical for every health-check type and the VRRP pair", async () => {
    await signInAs("admin");
    await importClusterDocument(clusterId, text);
    const { serialNo } = await db.cluster.findUniqueOrThrow({ where: { id: clusterId } });
    const exported = await downloadClusterDocument(clusterId);
    expect(exported.content).toBe(expectedExport(text, serialNo));
    const doc = JSON.parse(exported.content);
    expect(doc.cluster.vrrp).toEqual({ routerId: 51, priorityPrimary: 200, priorityBackup: 90, preempt: false, advertSeconds: 2, interface: "eth0" });
    expect(doc.virtualServers.map((v: { healthCheck: { type: string } }) => v.healthCheck.type)).toEqual(["dns", "misc", "none", "http"]);
  });

  it("download → upload → download changes nothing but the serial number", async () => {
    await signInAs("admin");
    const first = await downloadClusterDocument(clusterId);
    await importClusterDocument(clusterId, first.content);
    const second = await downloadClusterDocument(clusterId);
    const serial = JSON.parse(first.content).cluster.serialNo + 1;
    expect(second.content).toBe(expectedExport(first.content, serial));
  });

  it("a document without healthCheck or vrrp exports without them", async () => {
    await signInAs("admin");
    const bare = JSON.parse(text);
    delete bare.cluster.vrrp;
    for (const v of bare.virtualServers) delete v.healthCheck;
    await importClusterDocument(clusterId, JSON.stringify(bare));
    const doc = JSON.parse((await downloadClusterDocument(clusterId)).content);
    expect(doc.cluster).not.toHaveProperty("vrrp");
    for (const v of doc.virtualServers) expect(v).not.toHaveProperty("healthCheck");
  });

  it("the Redundancy form saves the VRRP pair with defaults filled and reads it back", async () => {
    await signInAs("admin");
    const settings = await getClusterSettings(clusterId);
    expect(settings.redundancy.vrrp).toBeUndefined();
    const input = redundancySchema.parse({ ...settings.redundancy, vrrp: { routerId: 9, interface: "bond0" } });
    const saved = await updateRedundancy(clusterId, settings.version, input);
    expect(saved.redundancy.vrrp).toEqual({ routerId: 9, priorityPrimary: 150, priorityBackup: 100, preempt: true, interface: "bond0" });
    const doc = JSON.parse((await downloadClusterDocument(clusterId)).content);
    expect(doc.cluster.vrrp).toEqual(saved.redundancy.vrrp);
  });

  it("the virtual server form reads the stored health check", async () => {
    await signInAs("admin");
    await importClusterDocument(clusterId, text);
    const row = await db.virtualServer.findFirstOrThrow({ where: { clusterId, name: "web" } });
    const detail = await getVirtualServer(row.id);
    expect(detail.values.healthCheck).toEqual({
      type: "http", port: 8080, path: "/healthz?full=1", statusCode: 200, digest: "9e107d9d372bb6826bd81d3542a419d6",
      intervalSeconds: 5, timeoutSeconds: 3, retries: 2, retryDelaySeconds: 1,
    });
  });

  it("router-setup and the active-FTP masquerade reach the preview and the export", async () => {
    await signInAs("admin");
    await importClusterDocument(clusterId, readFileSync("test/fixtures/documents/manual-nat.json", "utf8"));
    const preview = (await previewCluster(clusterId))!;
    const text = (format: string) => preview.artifacts.find((a) => a.format === format)?.text ?? "";
    expect(text("router-setup")).toContain("ip_vs_ftp");
    expect(text("iptables")).toContain("iptables -t nat -A POSTROUTING -p tcp -s 10.11.12.0/24 --sport 20 -j MASQUERADE");
    const outcome = await createExport({ clusterId, comment: "router setup", previewedDocumentSha256: preview.documentSha256 });
    expect(outcome.status).toBe("created");
    if (outcome.status !== "created") return;
    const file = await downloadExportArtifact(outcome.export.id, "router-setup");
    expect(file).toMatchObject({ filename: "router-setup.sh", content: text("router-setup") });
  });
});
