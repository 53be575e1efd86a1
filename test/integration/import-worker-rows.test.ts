import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { createTestDatabase } from "../support/test-db";

// On SQLite an uploaded document's rows are written by the import worker
// through its own connection (sqlite-staging-writer.ts); router-file imports,
// restores and every PostgreSQL import write them from the request thread
// (document-write.ts). An upload and a direct apply must store exactly the
// same rows on either database, and a refused upload must leave nothing.

vi.mock("next/headers", () => import("../support/next-request"));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));

await createTestDatabase("import-worker-rows");
const { db } = await import("@/lib/server/db");
const { signInAs } = await import("../support/sign-in");
const { applyClusterDocument, importClusterDocument, downloadClusterDocument } = await import("@/lib/server/document-transfer");
const { parseDocumentText } = await import("@/lib/domain/schema");
const { generateDocument } = await import("../../bench/lib/generate-document");

const FIXTURES = path.join(import.meta.dirname, "../fixtures/documents");
const fixtures = readdirSync(FIXTURES).filter((f) => f.endsWith(".json")).map((f) => ({ name: f, text: readFileSync(path.join(FIXTURES, f), "utf8") }));
fixtures.push({ name: "generated-300", text: JSON.stringify(generateDocument(300)) });

let byThread = 0;
let byWorker = 0;

beforeAll(async () => {
  byThread = (await db.cluster.create({ data: { name: "by-thread", primaryPublicIp: "192.0.2.1" } })).id;
  byWorker = (await db.cluster.create({ data: { name: "by-worker", primaryPublicIp: "192.0.2.2" } })).id;
  await signInAs("admin");
});

/** Every stored column of a cluster's bundles, ports, virtual and real servers, without ids and times. */
async function storedRows(clusterId: number) {
  const omit = <T extends Record<string, unknown>>(row: T, keys: string[]) => Object.fromEntries(Object.entries(row).filter(([k]) => !keys.includes(k)));
  const bundles = await db.firewallMarkBundle.findMany({ where: { clusterId }, include: { ports: true }, orderBy: { id: "asc" } });
  const servers = await db.virtualServer.findMany({ where: { clusterId }, include: { realServers: { orderBy: { id: "asc" } } }, orderBy: { id: "asc" } });
  const skip = ["id", "clusterId", "bundleId", "virtualServerId", "createdAt", "updatedAt"];
  return {
    bundles: bundles.map((b) => ({ ...omit(b, [...skip, "ports"]), mark: String(b.mark), ports: b.ports.map((p) => omit(p, skip)) })),
    servers: servers.map((v) => ({
      ...omit(v, [...skip, "realServers"]), firewallMark: v.firewallMark === null ? null : String(v.firewallMark),
      realServers: v.realServers.map((r) => omit(r, skip)),
    })),
  };
}

const withName = (text: string, name: string) => {
  const doc = JSON.parse(text);
  return { ...doc, cluster: { ...doc.cluster, name } };
};

describe("rows of an uploaded document (the import worker on SQLite) and of a direct apply", () => {
  it.each(fixtures)("$name: the same rows and the same document as the request thread's writer", async ({ text }) => {
    const parsed = parseDocumentText(JSON.stringify(withName(text, "by-thread")));
    if (!parsed.ok) return; // a fixture the schema refuses is the refusal test's business
    await applyClusterDocument(byThread, parsed.doc);
    await importClusterDocument(byWorker, JSON.stringify(withName(text, "by-worker")));
    const [a, b] = await Promise.all([storedRows(byThread), storedRows(byWorker)]);
    expect(b).toEqual(a);
    expect([a.bundles.length, a.servers.length]).toEqual([parsed.doc.firewallMarks.length, parsed.doc.virtualServers.length]);
    const strip = (content: string) => ({ ...JSON.parse(content), cluster: { ...JSON.parse(content).cluster, name: "", serialNo: 0 } });
    expect(strip((await downloadClusterDocument(byWorker)).content)).toEqual(strip((await downloadClusterDocument(byThread)).content));
  }, 120_000);

  it("an invalid document writes nothing and leaves no staging cluster", async () => {
    const before = await storedRows(byWorker);
    const doc = generateDocument(50, "by-worker") as { virtualServers: { name: string }[] };
    doc.virtualServers[7]!.name = doc.virtualServers[3]!.name;
    await expect(importClusterDocument(byWorker, JSON.stringify(doc))).rejects.toMatchObject({
      fieldErrors: { "virtualServers[7].name": expect.stringContaining(`"${doc.virtualServers[3]!.name}" is already used`) },
    });
    expect(await storedRows(byWorker)).toEqual(before);
    // Earlier tests' replaced rows are deleted in the background: wait for those, then no hidden cluster may be left.
    await vi.waitFor(async () => expect(await db.cluster.count({ where: { stagingFor: { not: null } } })).toBe(0), { timeout: 30_000, interval: 200 });
  });

  it("a document refused after its rows were staged (settings name taken) leaves no staging cluster", async () => {
    const before = await storedRows(byWorker);
    await expect(importClusterDocument(byWorker, JSON.stringify(generateDocument(50, "by-thread")))).rejects.toMatchObject({
      fieldErrors: { "cluster.name": expect.stringContaining("taken by another cluster") },
    });
    expect(await storedRows(byWorker)).toEqual(before);
    await vi.waitFor(async () => expect(await db.cluster.count({ where: { stagingFor: { not: null } } })).toBe(0), { timeout: 30_000, interval: 200 });
  });
});
