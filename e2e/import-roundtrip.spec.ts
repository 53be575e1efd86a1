import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import Database from "better-sqlite3";
import { generateDocument } from "../bench/lib/generate-document";
import { discoverActions } from "./access-matrix/discover";
import { ACCOUNTS } from "./setup/accounts";
import { importDocument } from "./panels-helpers";
import { E2E_BASE_URL, E2E_DATABASE_FILE } from "./support/env";

// Issue 12 items 10 and 11 on the production build: the console re-imports the
// document it serves for a 10,000-bundle cluster (about 9 MB here, over the
// former 1 MB body limit), through the upload form, with the parse, validation
// and lint in a worker thread of `next start`.

test.use({ storageState: ACCOUNTS.admin.state });

const uploadForm = (page: Page) => page.getByRole("form", { name: "Upload a document" });

const count = (sql: string, ...params: unknown[]) => {
  const db = new Database(E2E_DATABASE_FILE, { readonly: true, fileMustExist: true });
  try {
    return (db.prepare(sql).get(...params) as { n: number }).n;
  } finally {
    db.close();
  }
};

test("[admin] a 10,000-bundle cluster's downloaded document uploads back through the form unchanged", async ({ page, request }) => {
  test.setTimeout(600_000);
  const actions = new Map(discoverActions().map((a) => [a.exportName, a]));
  const origin = new URL(E2E_BASE_URL).origin;
  await request.post("/clusters", {
    headers: { "next-action": actions.get("createClusterAction")!.id, "content-type": "text/plain;charset=UTF-8", accept: "text/x-component", origin },
    data: JSON.stringify([{ name: "big-10k", primary: { publicIp: "192.0.2.1" } }]),
  });
  const clusterId = count(`SELECT id AS n FROM "Cluster" WHERE name = 'big-10k'`);
  const generated = JSON.stringify(generateDocument(10_000, "big-10k"));
  const first = await request.post(`/c/${clusterId}/import`, {
    headers: { origin },
    multipart: {
      [`$ACTION_ID_${actions.get("importDocumentAction")!.id}`]: "",
      clusterId: String(clusterId),
      document: { name: "big.json", mimeType: "application/json", buffer: Buffer.from(generated) },
    },
    timeout: 300_000,
  });
  expect(first.status()).toBeLessThan(500);
  expect(count(`SELECT COUNT(*) AS n FROM "FirewallMarkBundle" WHERE clusterId = ?`, clusterId)).toBe(10_000);

  const downloaded = await request.get(`/api/clusters/${clusterId}/document`);
  expect(downloaded.status()).toBe(200);
  const text = await downloaded.text();
  expect(Buffer.byteLength(text)).toBeGreaterThan(1024 * 1024);

  await page.context().addCookies([{ name: "lvs_cluster", value: String(clusterId), url: E2E_BASE_URL }]);
  const status = await importDocument(page, { name: "big-10k.lvs-console.json", mimeType: "application/json", buffer: Buffer.from(text) }, 300_000);
  await expect(status).toContainText("Imported 10000 bundles, 10000 virtual servers and 100000 real servers.");

  const again = await (await request.get(`/api/clusters/${clusterId}/document`)).text();
  const strip = (t: string) => ({ ...JSON.parse(t), cluster: { ...JSON.parse(t).cluster, serialNo: 0 } });
  expect(strip(again)).toEqual(strip(text));
  expect(JSON.parse(again).cluster.serialNo).toBe(JSON.parse(text).cluster.serialNo + 1);
});

test("[admin] a document over 64 MiB is refused in the browser before it is uploaded", async ({ page }) => {
  await page.goto("/import");
  const huge = path.join(mkdtempSync(path.join(tmpdir(), "lvs-e2e-")), "huge.json");
  writeFileSync(huge, Buffer.alloc(64 * 1024 * 1024 + 1, 32));
  await page.getByLabel("Interchange document (JSON)").setInputFiles(huge);
  await page.getByRole("button", { name: "Preview document" }).click();
  await expect(uploadForm(page).getByRole("status")).toContainText("at most 64 MiB can be imported. Nothing was uploaded.");
});
