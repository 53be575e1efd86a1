import { readFileSync } from "node:fs";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { createTestDatabase } from "../support/test-db";

// Issue 15 item 4: the Preview & export page's data comes from a route handler
// with an ETag on the preview cache key; an unchanged cluster answers 304.

vi.mock("next/headers", () => import("../support/next-request"));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));

await createTestDatabase("preview-route");
const { db } = await import("@/lib/server/db");
const { signInAs, signOut } = await import("../support/sign-in");
const { importClusterDocument } = await import("@/lib/server/document-transfer");
const { previewClusterPage } = await import("@/lib/server/preview");
const { createExport } = await import("@/lib/server/exports");
const route = await import("@/app/api/clusters/[id]/preview/route");

let clusterId = 0;
const get = (id: number | string, etag?: string) =>
  route.GET(new Request(`http://console.test/api/clusters/${id}/preview`, { headers: etag ? { "If-None-Match": etag } : {} }), { params: Promise.resolve({ id: String(id) }) });

beforeAll(async () => {
  clusterId = (await db.cluster.create({ data: { name: "route-preview", primaryPublicIp: "192.0.2.1" } })).id;
  await signInAs("admin");
  await importClusterDocument(clusterId, readFileSync("test/fixtures/documents/manual-nat.json", "utf8"));
});

describe("GET /api/clusters/ID/preview", () => {
  it("answers the page's preview with an ETag, and 304 without a body while the cluster is unchanged", async () => {
    await signInAs("viewer");
    const first = await get(clusterId);
    expect(first.status).toBe(200);
    const etag = first.headers.get("etag")!;
    expect(etag).toMatch(/^"[0-9a-f]{64}"$/);
    expect(first.headers.get("cache-control")).toBe("private, no-cache");
    expect(await first.json()).toEqual(JSON.parse(JSON.stringify(await previewClusterPage(clusterId))));
    const again = await get(clusterId, etag);
    expect(again.status).toBe(304);
    expect(await again.text()).toBe("");
    expect((await get(clusterId, `"0000", W/${etag}`)).status).toBe(304);
    expect((await get(clusterId, `"${"0".repeat(64)}"`)).status).toBe(200);
  });

  it("gives a new ETag once the cluster changes or is exported", async () => {
    await signInAs("operator");
    const before = (await get(clusterId)).headers.get("etag")!;
    const preview = (await previewClusterPage(clusterId))!;
    await createExport({ clusterId, comment: "route", previewedDocumentSha256: preview.documentSha256 });
    const exported = await get(clusterId, before);
    expect(exported.status).toBe(200);
    expect((await exported.json()).lastExport).toMatchObject({ comment: "route" });
    const afterExport = exported.headers.get("etag")!;
    expect(afterExport).not.toBe(before);
    await db.cluster.update({ where: { id: clusterId }, data: { serialNo: { increment: 1 }, version: { increment: 1 } } });
    const edited = await get(clusterId, afterExport);
    expect(edited.status).toBe(200);
    expect(edited.headers.get("etag")).not.toBe(afterExport);
  });

  it("answers 401 to anonymous callers and 404 for a cluster that does not exist or a malformed id", async () => {
    await signInAs("viewer");
    expect((await get(999_999)).status).toBe(404);
    expect((await get("1x")).status).toBe(404);
    await signOut();
    expect((await get(clusterId)).status).toBe(401);
  });
});
