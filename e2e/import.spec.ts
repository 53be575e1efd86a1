import { fileURLToPath } from "node:url";
import { expect, test } from "@playwright/test";
import { ensureCluster, expectAccessible, switchCluster } from "./panels-helpers";
import { stateFile } from "./support/env";

const CLUSTER = "e2e-import";
const fixture = (path: string) => fileURLToPath(new URL(`../test/fixtures/import/${path}`, import.meta.url));
const KEEPALIVED_ROUTER = [
  fixture("keepalived-iptables/keepalived.conf"),
  fixture("keepalived-iptables/conf.d/10-web.conf"),
  fixture("keepalived-iptables/conf.d/20-mail.conf"),
  fixture("keepalived-iptables/iptables-save.txt"),
];


test.describe("import of router files", () => {
  test.beforeAll(async ({ browser }) => ensureCluster(browser, CLUSTER, "198.51.100.2"));

  test.describe("operator", () => {
    test.use({ storageState: stateFile("operator") });

    test("[operator] previews a keepalived router, cancels without a trace, then applies", async ({ page }, testInfo) => {
      await switchCluster(page, CLUSTER);
      await page.getByRole("navigation", { name: "Console panels" }).getByRole("link", { name: "Import" }).click();
      await expect(page.getByRole("heading", { level: 1 })).toContainText(`Import · ${CLUSTER}`);

      await page.getByLabel("Files of one router").setInputFiles(KEEPALIVED_ROUTER);
      await page.getByRole("button", { name: "Preview import" }).click();
      const preview = page.getByRole("region", { name: `What ${CLUSTER} will become` });
      await expect(preview).toBeVisible();
      await expect(preview.getByRole("list", { name: "Files read" })).toContainText("keepalived.conf read as keepalived");
      await expect(preview).toContainText("Cluster settings stay as they are: only administrators change them.");
      // Each warning sits beside the object it concerns.
      const servers = preview.getByRole("region", { name: "Virtual servers" });
      await expect(servers).toContainText("4 added, 0 changed, 0 removed");
      await expect(servers.getByRole("list", { name: "Messages about fwm-80" })).toContainText("10-web.conf:23");
      await expect(servers.getByRole("list", { name: "Messages about fwm-80" })).toContainText("notify_down not imported");
      await expect(preview.getByRole("region", { name: "Firewall-mark bundles" })).toContainText("1 added");
      await expect(preview.getByRole("heading", { name: "Lint of the result" })).toBeVisible();
      await expectAccessible(page, testInfo, "import-preview");

      await page.getByRole("button", { name: "Cancel" }).click();
      // The page's second form (a JSON document) has a status region of its own.
      await expect(page.getByRole("status").filter({ hasText: "Import cancelled" })).toContainText("Import cancelled; nothing was written.");
      await page.goto("/virtual-servers");
      await expect(page.getByText("fwm-80")).toHaveCount(0);

      await page.goto("/import");
      await page.getByLabel("Files of one router").setInputFiles(KEEPALIVED_ROUTER);
      await page.getByRole("button", { name: "Preview import" }).click();
      await page.getByRole("button", { name: "Apply import" }).click();
      await expect(page.getByRole("status").filter({ hasText: "Imported into" })).toContainText(`Imported into ${CLUSTER}: 1 bundles, 4 virtual servers, 7 real servers.`);
      await page.goto("/virtual-servers");
      await expect(page.getByRole("link", { name: "fwm-80" })).toBeVisible();
    });

    test("[operator] a file the import cannot read is named with FILE:LINE:COLUMN and nothing can be applied", async ({ page }, testInfo) => {
      const broken = testInfo.outputPath("keepalived.conf");
      (await import("node:fs")).writeFileSync(broken, "virtual_server 192.0.2.10 80 {\n  lvs_sched rr\n");
      await page.goto("/import");
      await page.getByLabel("Files of one router").setInputFiles(broken);
      await page.getByRole("button", { name: "Preview import" }).click();
      await expect(page.getByRole("list", { name: "Errors" })).toContainText("keepalived.conf:1:30");
      await expect(page.getByRole("button", { name: "Apply import" })).toBeDisabled();
    });
  });

  test.describe("viewer", () => {
    test.use({ storageState: stateFile("viewer") });

    test("[viewer] sees the page but no upload", async ({ page }) => {
      await page.goto("/import");
      await expect(page.getByText("Your role may view but not import.")).toBeVisible();
      await expect(page.getByLabel("Files of one router")).toHaveCount(0);
    });
  });
});
