import { expect, test, type Page } from "@playwright/test";
import { stateFile } from "./support/env";
import { ensurePanelsCluster, expectAccessible, screenshot, showPanelsCluster } from "./panels-helpers";

// The operator's path through the Piranha panels (issue 5 item 10), in one
// cluster of its own; each test builds on the one before.
test.describe.configure({ mode: "serial" });
test.use({ storageState: stateFile("operator") });

test.beforeAll(async ({ browser }) => ensurePanelsCluster(browser));
test.beforeEach(async ({ page }) => showPanelsCluster(page));

async function createBundle(page: Page, preset: RegExp, vip: string) {
  await page.goto("/firewall-marks/new");
  const form = page.getByRole("form", { name: "New firewall-mark bundle" });
  await form.getByRole("button", { name: preset }).click();
  await form.getByLabel("Virtual IP Address").fill(vip);
  await form.getByRole("button", { name: "Create bundle" }).click();
  await expect(page).toHaveURL(/\/firewall-marks\/\d+\?created=1$/);
}

async function addRealServer(page: Page, name: string, address: string) {
  const form = page.getByRole("form", { name: "Add real server" });
  await form.getByLabel("Name", { exact: true }).fill(name);
  await form.getByLabel("Address", { exact: true }).fill(address);
  await form.getByRole("button", { name: "Add real server" }).click();
  await expect(form.getByRole("status")).toContainText(`Added real server ${name} (${address}) to virtual server`);
  await expect(page.getByRole("region", { name: "Real servers" }).getByRole("row", { name: new RegExp(`\\b${name}\\b`) })).toBeVisible();
}

test("[operator] creates the HTTP+HTTPS bundle", async ({ page }, testInfo) => {
  await createBundle(page, /^HTTP \+ HTTPS/, "203.0.113.10");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(/Bundle http-https \(mark 80, ipv4\)/);
  const form = page.getByRole("form", { name: "Edit firewall-mark bundle" });
  await expect(form.getByLabel("Port or range 1")).toHaveValue("80");
  await expect(form.getByLabel("Port or range 2")).toHaveValue("443");
  await expectAccessible(page, testInfo, "firewall-mark-edit");
  await screenshot(page, testInfo, "firewall-mark-edit");
});

test("[operator] creates a virtual server on the bundle with two real servers and 300 s persistence", async ({ page }, testInfo) => {
  await page.goto("/firewall-marks");
  await page.getByRole("link", { name: "Create virtual server from bundle http-https" }).click();
  const ask = page.getByRole("form", { name: "Create virtual server from bundle http-https" });
  await ask.getByLabel("Persistence", { exact: true }).fill("300");
  await ask.getByRole("button", { name: "Create virtual server" }).click();
  await expect(page).toHaveURL(/\/virtual-servers\/\d+\?created=bundle$/);
  await expect(page.getByRole("status").first()).toHaveText("Created virtual server http-https on mark 80. Next: add its real servers below.");
  const form = page.getByRole("form", { name: "Edit virtual server" });
  await expect(form.getByLabel("Firewall Mark")).toHaveValue("80");
  await expect(form.getByLabel("Application port")).toHaveValue("80");
  await expect(form.getByLabel("Persistence", { exact: true })).toHaveValue("300");
  await addRealServer(page, "web1", "10.11.12.2");
  await addRealServer(page, "web2", "10.11.12.3");
  await page.reload();
  await expect(page.getByRole("form", { name: "Edit virtual server" }).getByLabel("Persistence", { exact: true })).toHaveValue("300");
  await expectAccessible(page, testInfo, "virtual-server-edit");
  await screenshot(page, testInfo, "virtual-server-edit");

  await page.goto("/virtual-servers");
  const row = page.getByRole("row", { name: /http-https/ });
  await expect(row).toContainText("203.0.113.10");
  await expect(row).toContainText("300 s");
  await expectAccessible(page, testInfo, "virtual-server-list");
  await screenshot(page, testInfo, "virtual-server-list");
});

test("[operator] creates the FTP bundle with its virtual server", async ({ page }, testInfo) => {
  await createBundle(page, /^FTP/, "203.0.113.11");
  const form = page.getByRole("form", { name: "Edit firewall-mark bundle" });
  await expect(form.getByLabel("Port or range 2")).toHaveValue("10000-20000");
  await page.getByRole("form", { name: "Create virtual server from bundle ftp" }).getByRole("button", { name: "Create virtual server" }).click();
  await expect(page).toHaveURL(/\/virtual-servers\/\d+\?created=bundle$/);
  await expect(page.getByRole("form", { name: "Edit virtual server" }).getByLabel("Firewall Mark")).toHaveValue("21");
  await page.goto("/firewall-marks");
  await expect(page.getByRole("row", { name: /ftp/ })).toContainText("21, 10000-20000");
  await expectAccessible(page, testInfo, "firewall-mark-list");
  await screenshot(page, testInfo, "firewall-mark-list");
});

test("[operator] edits a bundle, a real server's weight and its status", async ({ page }) => {
  await page.goto("/firewall-marks");
  await page.getByRole("link", { name: "ftp", exact: true }).first().click();
  const bundle = page.getByRole("form", { name: "Edit firewall-mark bundle" });
  await bundle.getByLabel("Description").fill("FTP control and passive range");
  await bundle.getByRole("button", { name: "Save bundle" }).click();
  await expect(bundle.getByRole("status")).toHaveText("Saved bundle ftp.");

  await page.goto("/virtual-servers?q=http-https");
  await page.getByRole("link", { name: "http-https" }).click();
  await page.getByLabel("Weight of web2").fill("5");
  await page.getByLabel("Weight of web2").press("Enter");
  await expect(page.getByRole("status").filter({ hasText: "Saved weight" })).toHaveText("Saved weight 5 of real server web2.");
  await page.getByLabel("Select web1").check();
  await page.getByRole("button", { name: "Deactivate selected real servers" }).click();
  const table = page.getByRole("region", { name: "Real servers" });
  await expect(table.getByRole("row", { name: /web1/ })).toContainText("inactive");
  await page.reload();
  await expect(page.getByLabel("Weight of web2")).toHaveValue("5");
  await expect(table.getByRole("row", { name: /web1/ })).toContainText("inactive");
});

test("[operator] bad input shows each error beside its field and saves nothing", async ({ page }, testInfo) => {
  await page.goto("/firewall-marks/new");
  const form = page.getByRole("form", { name: "New firewall-mark bundle" });
  await form.getByLabel("Firewall Mark").fill("0");
  await form.getByLabel("Name", { exact: true }).fill("bad");
  await form.getByLabel("Virtual IP Address").fill("300.1.1.1");
  await form.getByLabel("Port or range 1").fill("0");
  await form.getByRole("button", { name: "Add port or range" }).click();
  await form.getByLabel("Port or range 2").fill("20000-10000");
  await form.getByRole("button", { name: "Create bundle" }).click();
  await expect(form.getByLabel("Firewall Mark")).toBeFocused();
  await expect(form.getByLabel("Firewall Mark")).toHaveAttribute("aria-invalid", "true");
  await expect(page.locator("#f-mark-error")).toContainText("allowed: an integer 1-4294967295");
  await expect(page.locator("#f-vip-error")).toContainText("300.1.1.1");
  await expect(page.locator("#f-ports-0-error")).toContainText("port 0 is out of range");
  await expect(page.locator("#f-ports-1-error")).toContainText("20000-10000 has lo > hi");
  await expectAccessible(page, testInfo, "firewall-mark-errors");
  await screenshot(page, testInfo, "firewall-mark-errors");

  // A duplicate mark passes the browser's checks; the server refuses it on the mark field.
  await form.getByLabel("Firewall Mark").fill("80");
  await form.getByLabel("Virtual IP Address").fill("203.0.113.12");
  await form.getByLabel("Port or range 1").fill("8080");
  await form.getByRole("button", { name: "Remove port or range 2" }).click();
  await form.getByRole("button", { name: "Create bundle" }).click();
  await expect(form.getByRole("alert")).toContainText("Nothing was saved");
  await expect(page.locator("#f-mark-error")).toContainText("already used by bundle http-https");
  await expect(form.getByLabel("Firewall Mark")).toBeFocused();

  await page.goto("/virtual-servers/new");
  const vs = page.getByRole("form", { name: "New virtual server" });
  await vs.getByLabel("Name", { exact: true }).fill("bad-vs");
  await vs.getByLabel("Virtual IP Address").fill("203.0.113.999");
  await vs.getByLabel("Application port").fill("0");
  await vs.getByRole("button", { name: "Create virtual server" }).click();
  await expect(vs.getByLabel("Virtual IP Address")).toBeFocused();
  await expect(page.locator("#f-vip-error")).toContainText("203.0.113.999");
  await expect(page.locator("#f-port-error")).toContainText("allowed: an integer 1-65535");

  page.once("dialog", (d) => d.accept());
  await page.goto("/firewall-marks");
  await expect(page.getByRole("row")).toHaveCount(3);
  await page.goto("/virtual-servers");
  await expect(page.getByText("2 virtual servers.")).toBeVisible();
});

test("[operator] a stale edit is refused with the current values", async ({ page, context }) => {
  await page.goto("/firewall-marks");
  await page.getByRole("link", { name: "ftp", exact: true }).first().click();
  await expect(page).toHaveURL(/\/firewall-marks\/\d+$/);
  const other = await context.newPage();
  await other.goto(page.url());
  const first = page.getByRole("form", { name: "Edit firewall-mark bundle" });
  await first.getByLabel("Description").fill("edited first");
  await first.getByRole("button", { name: "Save bundle" }).click();
  await expect(first.getByRole("status")).toHaveText("Saved bundle ftp.");
  const second = other.getByRole("form", { name: "Edit firewall-mark bundle" });
  await second.getByLabel("Description").fill("edited second");
  await second.getByRole("button", { name: "Save bundle" }).click();
  await expect(second.getByRole("alert")).toContainText("changed by someone else");
  await expect(second.getByLabel("Description")).toHaveValue("edited first");
  await other.close();
});

test("[operator] leaving a form with unsaved changes asks first", async ({ page }) => {
  await page.goto("/virtual-servers?q=http-https");
  await page.getByRole("link", { name: "http-https" }).click();
  await expect(page).toHaveURL(/\/virtual-servers\/\d+$/);
  const url = page.url();
  await page.getByRole("form", { name: "Edit virtual server" }).getByLabel("Re-entry Time").fill("20");
  let question = "";
  page.once("dialog", (d) => {
    question = d.message();
    void d.dismiss();
  });
  await page.getByRole("navigation", { name: "Console panels" }).getByRole("link", { name: "Firewall marks" }).click();
  await expect.poll(() => question).toContain("unsaved changes");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Virtual server http-https");
  expect(page.url()).toBe(url);
  page.once("dialog", (d) => void d.accept());
  await page.getByRole("navigation", { name: "Console panels" }).getByRole("link", { name: "Firewall marks" }).click();
  await expect(page).toHaveURL(/\/firewall-marks$/);
});

test("[operator] deleting a bundle in use names its virtual server and asks; then deletes", async ({ page }) => {
  await page.goto("/firewall-marks");
  let question = "";
  page.once("dialog", (d) => {
    question = d.message();
    void d.dismiss();
  });
  await page.getByRole("button", { name: "Delete bundle ftp" }).click();
  await expect.poll(() => question).toContain("used by virtual server ftp");
  await expect(page.getByRole("row", { name: /ftp/ })).toBeVisible();
  page.once("dialog", (d) => void d.accept());
  await page.getByRole("button", { name: "Delete bundle ftp" }).click();
  await expect(page.getByRole("row", { name: /ftp/ })).toHaveCount(0);

  await page.goto("/virtual-servers");
  page.once("dialog", (d) => void d.accept());
  await page.getByRole("button", { name: "Delete ftp" }).click();
  await expect(page.getByRole("row", { name: /ftp/ })).toHaveCount(0);
  await expect(page.getByText("1 virtual server.")).toBeVisible();
});

test("[operator] searches the virtual server list and (de)activates from it", async ({ page }) => {
  await page.goto("/virtual-servers");
  const list = page.getByRole("main");
  await list.getByLabel("Search by name, VIP or mark").fill("80");
  await list.getByRole("button", { name: "Search" }).click();
  await expect(page).toHaveURL(/q=80/);
  const row = page.getByRole("row", { name: /http-https/ });
  await row.getByRole("button", { name: "Deactivate http-https" }).click();
  await expect(row.getByRole("cell").first()).toHaveText("down");
  await row.getByRole("button", { name: "Activate http-https" }).click();
  await expect(row.getByRole("cell").first()).toHaveText("up");
  await list.getByLabel("Search by name, VIP or mark").fill("no-such-server");
  await list.getByRole("button", { name: "Search" }).click();
  await expect(page.getByText("0 virtual servers matching")).toBeVisible();
});

test("[operator] Control/Monitoring, Global settings and Redundancy are readable and accessible", async ({ page }, testInfo) => {
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Control/Monitoring");
  await expect(page.getByText("never exported")).toBeVisible();
  await expect(page.getByRole("link", { name: "e2e-panels" }).first()).toHaveAttribute("href", /^\/c\/\d+-e2e-panels\/settings(#|$)/);
  await expectAccessible(page, testInfo, "control-monitoring");
  await screenshot(page, testInfo, "control-monitoring");
  for (const [path, name] of [["/settings", "global-settings"], ["/redundancy", "redundancy"], ["/clusters", "clusters"]] as const) {
    await page.goto(path);
    await expect(page.getByRole("button", { name: /^Save/ })).toHaveCount(0);
    await expectAccessible(page, testInfo, name);
    await screenshot(page, testInfo, name);
  }
  await page.goto("/virtual-servers/new");
  await expectAccessible(page, testInfo, "virtual-server-new");
  await page.goto("/firewall-marks/new");
  await expectAccessible(page, testInfo, "firewall-mark-new");
});
