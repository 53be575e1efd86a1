import { readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { lvsDocumentSchema } from "@/lib/domain/schema";
import { createLink } from "../test/support/netns";
import { armProbes, probeCounts, probesFor, sendProbes } from "../test/support/mark-probes";
import { requireOrSkip } from "../test/support/requirements";
import { importDocument } from "./panels-helpers";
import { stateFile } from "./support/env";

const FIXTURE = fileURLToPath(new URL("../test/fixtures/documents/manual-nat.json", import.meta.url));

test.describe("operator", () => {
  test.use({ storageState: stateFile("operator") });

  test("[operator] an invalid upload lists every error with its path and changes nothing", async ({ page }, testInfo) => {
    await page.goto("/preview");
    const before = await page.locator("h1").textContent();
    const doc = JSON.parse(readFileSync(FIXTURE, "utf8"));
    doc.firewallMarks[0].mark = 0;
    doc.virtualServers[0].port = 0;
    const bad = testInfo.outputPath("bad.json");
    writeFileSync(bad, JSON.stringify(doc));
    await page.goto("/import");
    await page.getByLabel("Interchange document (JSON)").setInputFiles(bad);
    await page.getByRole("button", { name: "Preview document" }).click();
    const status = page.getByRole("status").filter({ hasText: "nothing was imported" });
    await expect(status).toContainText("firewallMarks[0].mark");
    await expect(status).toContainText("virtualServers[0].port");
    await expect(page.getByRole("button", { name: "Replace the content" })).toHaveCount(0);
    await page.goto("/preview");
    await expect(page.locator("h1")).toHaveText(before ?? "");
  });

  test("[operator] previews, exports and downloads an install script that marks probe packets", async ({ page, browser }, testInfo) => {
    // The fixture's cluster settings (NAT router, …) are applied only by an admin of the cluster (issue 12 item 1):
    // an admin uploads it first; the operator's upload then replaces bundles and virtual servers.
    // Under its own name: another spec's team clusters already use the fixture's name (edge-1).
    const named = testInfo.outputPath("manual-nat.json");
    writeFileSync(named, JSON.stringify({ ...JSON.parse(readFileSync(FIXTURE, "utf8")), cluster: { ...JSON.parse(readFileSync(FIXTURE, "utf8")).cluster, name: "preview-e2e" } }));
    const admin = await browser.newContext({ storageState: stateFile("admin") });
    await importDocument(await admin.newPage(), named);
    await admin.close();
    await importDocument(page, named);
    await page.goto("/preview");
    await expect(page.getByRole("heading", { name: /Preview & export/ })).toBeVisible();
    await expect(page.getByRole("tab", { name: /Install script/ })).toHaveAttribute("aria-selected", "true");
    const previewed = await page.locator("pre.artifact").textContent();
    // Other tabs load their text through the preview's server action when opened.
    await page.getByRole("tab", { name: /nftables ruleset/ }).click();
    await expect(page.locator("pre.artifact")).toContainText("lvs_console");
    await page.getByRole("tab", { name: /Install script/ }).click();
    await expect(page.locator("pre.artifact")).toHaveText(previewed ?? "");
    await page.screenshot({ path: testInfo.outputPath("preview.png"), fullPage: true });

    await page.getByLabel("Comment").fill("e2e export");
    await page.getByRole("button", { name: "Export", exact: true }).click();
    await expect(page.getByRole("status").filter({ hasText: /Export #\d+ saved/ })).toBeVisible();
    // The preview re-renders through its server action and now compares against this export.
    await expect(page.getByText(/last export #\d+/)).toBeVisible();
    await expect(page.getByText("no change since")).toBeVisible();
    const downloadPromise = page.waitForEvent("download");
    await page.getByRole("link", { name: "Download the install script" }).click();
    const download = await downloadPromise;
    const scriptFile = testInfo.outputPath("install-marks.sh");
    await download.saveAs(scriptFile);
    const script = readFileSync(scriptFile, "utf8");
    expect(script).toBe(previewed);
    expect(download.suggestedFilename()).toMatch(/install-marks\.sh$/);

    // Exporting again without a change says so instead of making a duplicate.
    await page.reload();
    await page.getByRole("button", { name: "Export", exact: true }).click();
    await expect(page.getByRole("status").filter({ hasText: "Nothing changed since export" })).toBeVisible();

    if (!requireOrSkip("downloaded install script in a network namespace", { root: true, tools: ["ip", "iptables-restore"] })) return;
    const doc = lvsDocumentSchema.parse(JSON.parse(readFileSync(FIXTURE, "utf8")));
    const link = createLink();
    try {
      link.router.exec("bash", [scriptFile]);
      const probes = probesFor(doc);
      armProbes(link.router, probes);
      sendProbes(link.client, probes);
      const counts = probeCounts(link.router, probes);
      const missed = probes.filter((_, i) => !(counts[i]! >= 1));
      expect(missed).toEqual([]);
    } finally {
      link.destroy();
    }
  });
});

test.describe("viewer", () => {
  test.use({ storageState: stateFile("viewer") });

  test("[viewer] previews and reads history but cannot export, upload or download", async ({ page, request }) => {
    await page.goto("/preview");
    await expect(page.getByRole("heading", { name: /Preview & export/ })).toBeVisible();
    await expect(page.getByRole("tab", { name: /Install script/ })).toBeVisible();
    await expect(page.getByRole("button", { name: "Export", exact: true })).toHaveCount(0);
    await expect(page.getByRole("link", { name: /Import router files/ })).toHaveCount(0);
    await page.goto("/exports");
    await expect(page.getByRole("heading", { name: /Export history/ })).toBeVisible();
    await expect(page.getByRole("link", { name: /install-marks\.sh/ })).toHaveCount(0);
    await expect(page.getByText("install-marks.sh").first()).toBeVisible();
    const artifact = await request.get("/api/exports/1/artifacts/install-script");
    expect(artifact.status()).toBe(403);
    const archive = await request.get("/api/exports/1/archive");
    expect(archive.status()).toBe(403);
    const document = await request.get("/api/clusters/1/document");
    expect(document.status()).toBe(403);
  });
});

test.describe("accessibility", () => {
  test.use({ storageState: stateFile("operator") });

  for (const panel of ["/preview", "/exports"]) {
    test(`[operator] ${panel} has no serious or critical axe violation`, async ({ page }, testInfo) => {
      await page.goto(panel);
      await expect(page.locator("h1")).toBeVisible();
      await page.screenshot({ path: testInfo.outputPath(`${panel.slice(1)}.png`), fullPage: true });
      const results = await new AxeBuilder({ page }).analyze();
      const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
      expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
    });
  }
});

test("[anonymous] downloads answer 401", async ({ request }) => {
  for (const url of ["/api/exports/1/artifacts/install-script", "/api/exports/1/archive", "/api/clusters/1/document"]) {
    expect((await request.get(url)).status(), url).toBe(401);
  }
});
