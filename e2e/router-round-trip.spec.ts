import { readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { expect, test, type Page } from "@playwright/test";
import { callAction, ensureCluster, expectAccessible, importDocument, switchCluster } from "./panels-helpers";
import { stateFile } from "./support/env";

const CLUSTER = "e2e-router";
const DOCUMENT = fileURLToPath(new URL("../test/fixtures/documents/manual-nat.json", import.meta.url));
const STATE = fileURLToPath(new URL("../test/fixtures/state/manual-nat-drifted.txt", import.meta.url));

async function switchTo(page: Page) {
  await switchCluster(page, CLUSTER);
}

// The spec's own cluster, loaded with the manual's NAT example, so no other spec's data meets it.
async function loadManualExample(page: Page): Promise<void> {
  await switchTo(page);
  // An import takes the document's cluster name too: give it this spec's.
  const doc = JSON.parse(readFileSync(DOCUMENT, "utf8"));
  doc.cluster.name = CLUSTER;
  const file = join(tmpdir(), `${CLUSTER}-${process.pid}.json`);
  writeFileSync(file, JSON.stringify(doc));
  await importDocument(page, file);
}

test.beforeAll(async ({ browser }) => ensureCluster(browser, CLUSTER, "203.0.113.2", loadManualExample));

test.describe("operator", () => {
  test.use({ storageState: stateFile("operator") });

  test("[operator] uploads the primary router's state: live view on the overview, differences on Router drift", async ({ page }, testInfo) => {
    await switchTo(page);
    const upload = page.getByRole("form", { name: "Upload a router state" });
    await upload.getByLabel("Router", { exact: true }).selectOption("primary");
    await upload.getByLabel("State file").setInputFiles(STATE);
    await upload.getByRole("button", { name: "Upload state" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Stored the primary router's state (lvs1" })).toBeVisible();
    const live = page.getByRole("table", { name: "IPVS on the primary router" });
    await expect(live.getByRole("row", { name: /10\.11\.12\.2:0/ })).toContainText("12");
    await expect(page.getByText("holds 1 of 2 VIPs (203.0.113.10)")).toBeVisible();
    await expectAccessible(page, testInfo, "overview-live-view");
    await page.getByRole("link", { name: "7 differences from the model" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toContainText("Router drift");
    await expect(page.getByRole("cell", { name: "weight 5 on the router, 2 in the document" }).first()).toBeVisible();
    await expect(page.getByText("neither ip6tables-save nor nft is installed on the router").first()).toBeVisible();
    await expectAccessible(page, testInfo, "drift-report");
  });
});

test.describe("viewer", () => {
  test.use({ storageState: stateFile("viewer") });

  test("[viewer] asks where a packet goes, and has no upload form", async ({ page }, testInfo) => {
    await switchTo(page);
    await expect(page.getByRole("button", { name: "Upload state" })).toHaveCount(0);
    const form = page.getByRole("form", { name: "What if" });
    await form.getByLabel("Destination (VIP:port)").fill("203.0.113.11:15000");
    await form.getByLabel("Client address (optional)").fill("198.51.100.7");
    await form.getByRole("button", { name: "Ask" }).click();
    const answer = form.getByLabel("What-if answer");
    await expect(answer).toContainText(/mark: 21 \(rule \d bundle ftp → 21\)/);
    await expect(answer).toContainText("quiesced: ftp2 10.11.12.5 weight 0");
    await form.getByLabel("Destination (VIP:port)").fill("203.0.113.11");
    await form.getByRole("button", { name: "Ask" }).click();
    await expect(form.getByText(/allowed: VIP:PORT/).first()).toBeVisible();
    await expectAccessible(page, testInfo, "overview-what-if");
  });

  test("[viewer] cannot upload a router state by calling the action directly", async ({ page }) => {
    await page.goto("/");
    const body = await callAction(page, "/", "uploadRouterStateAction", [{}]);
    expect(body).toContain("Your role does not allow this action.");
  });
});
