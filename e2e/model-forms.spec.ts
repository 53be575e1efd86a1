import { expect, test } from "@playwright/test";
import { stateFile } from "./support/env";
import { callAction, ensureCluster, expectAccessible, screenshot, switchCluster } from "./panels-helpers";
import { queryDatabase } from "./access-matrix/database";

// Health checks, the router pair and the admins-only scripts through the panels
// (issue 10 items 9, 10; faults 1 and 7), in a cluster of their own.
test.describe.configure({ mode: "serial" });

const CLUSTER = "e2e-model";



test.beforeAll(async ({ browser }) => ensureCluster(browser, CLUSTER));

test.describe("admin", () => {
  test.use({ storageState: stateFile("admin") });
  test.beforeEach(async ({ page }) => switchCluster(page, CLUSTER));

  test("[admin] sets the router pair; the derived router id is shown as the default", async ({ page }, testInfo) => {
    await page.goto("/redundancy");
    const form = page.getByRole("form", { name: "Redundancy" });
    await expect(page.locator("#f-vrrp-routerId-hint")).toContainText(/Default: \d{1,3} \(derived from the cluster name\)/);
    await expect(form.getByLabel("Primary priority")).toHaveValue("150");
    await form.getByLabel("Backup priority").fill("160");
    await form.getByRole("button", { name: "Save redundancy" }).click();
    await expect(page.locator("#f-vrrp-priorityBackup-error")).toContainText("lower than the primary's priority 150");
    await form.getByLabel("Backup priority").fill("90");
    await form.getByLabel("Virtual router ID").fill("42");
    await form.getByLabel("VRRP interface").fill("eth0");
    await form.getByRole("button", { name: "Save redundancy" }).click();
    await expect(form.getByRole("status")).toHaveText("Saved redundancy.");
    await page.reload();
    await expect(page.getByLabel("Virtual router ID")).toHaveValue("42");
    await expect(page.getByLabel("Backup priority")).toHaveValue("90");
    await expectAccessible(page, testInfo, "redundancy-vrrp");
    await screenshot(page, testInfo, "redundancy-vrrp");
  });

  test("[admin] adds a virtual server with an http health check; fields follow the type", async ({ page }, testInfo) => {
    await page.goto("/virtual-servers/new");
    const form = page.getByRole("form", { name: "New virtual server" });
    await expect(page.locator("#f-vipNetmask-hint")).toContainText("Default: a host mask, 255.255.255.255 (/32) or /128; 0.0.0.0 counts as not given");
    await form.getByLabel("Name", { exact: true }).fill("web");
    await form.getByLabel("Virtual IP Address").fill("203.0.113.30");
    await form.getByLabel("Application port").fill("80");
    await expect(form.getByLabel("URL path")).toHaveCount(0);
    await form.getByLabel("Check type").selectOption("http");
    await expect(form.getByLabel("Check script")).toHaveCount(0);
    await form.getByLabel("URL path").fill("/healthz");
    await form.getByLabel("Expected status code").fill("200");
    await form.getByLabel("Check interval").fill("5");
    await form.getByRole("button", { name: "Create virtual server" }).click();
    await expect(page).toHaveURL(/\/virtual-servers\/\d+\?created=1$/);
    await page.reload();
    const edit = page.getByRole("form", { name: "Edit virtual server" });
    await expect(edit.getByLabel("Check type")).toHaveValue("http");
    await expect(edit.getByLabel("URL path")).toHaveValue("/healthz");
    await expect(edit.getByLabel("Check interval")).toHaveValue("5");
    await edit.getByLabel("Check type").selectOption("misc");
    await expect(edit.getByLabel("URL path")).toHaveCount(0);
    await expect(edit.getByLabel("Check script")).toBeVisible();
    await expectAccessible(page, testInfo, "virtual-server-health-check");
    await screenshot(page, testInfo, "virtual-server-health-check");
  });
});

test.describe("operator", () => {
  test.use({ storageState: stateFile("operator") });
  test.beforeEach(async ({ page }) => switchCluster(page, CLUSTER));

  test("[operator] may not set a check script or sending program, in the form or directly", async ({ page }) => {
    await page.goto("/virtual-servers");
    await page.getByRole("link", { name: "web", exact: true }).click();
    const edit = page.getByRole("form", { name: "Edit virtual server" });
    await edit.getByLabel("Check type").selectOption("misc");
    await edit.getByLabel("Check script").fill("/usr/local/bin/check-web");
    await edit.getByRole("button", { name: "Save virtual server" }).click();
    await expect(page.locator("#f-healthCheck-script-error")).toContainText("only an admin may set or change it");
    await expect(edit.getByRole("alert")).toContainText("Nothing was saved");
    const url = new URL(page.url()).pathname;
    const id = Number(url.split("/").pop());
    // The current version, so the refusal is the script rule's and not a stale edit's.
    const version = queryDatabase<{ version: number }>(`SELECT version FROM "VirtualServer" WHERE id = ?`, id)[0]?.version;
    expect(await callAction(page, url, "updateVirtualServerAction", [id, version, { name: "web", vip: "203.0.113.30", port: 80, monitor: { sendProgram: "/bin/sh -c id" } }]))
      .toContain("only an admin may set or change the sending program");
    await page.reload();
    await expect(page.getByRole("form", { name: "Edit virtual server" }).getByLabel("Check type")).toHaveValue("http");
  });
});
