import { expect, test, type Page } from "@playwright/test";
import { queryDatabase } from "./access-matrix/database";
import { DENIAL_MARKERS } from "./access-matrix/expectations";
import { stateFile } from "./support/env";
import { callAction, ensureCluster, expectAccessible, screenshot, switchCluster } from "./panels-helpers";

// Issue 13 items 2 and 3: the real-server table, bulk actions, cloning, and a
// virtual server from a bundle that asks first; in a cluster of its own.
test.describe.configure({ mode: "serial" });

const CLUSTER = "e2e-rs-table";


async function openVirtualServer(page: Page, name: string): Promise<void> {
  await page.goto(`/virtual-servers?q=${name}`);
  await page.getByRole("link", { name, exact: true }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Virtual server ${name}`);
}

test.beforeAll(async ({ browser }) => ensureCluster(browser, CLUSTER, "203.0.113.90"));

test.describe("operator", () => {
  test.use({ storageState: stateFile("operator") });
  test.beforeEach(async ({ page }) => switchCluster(page, CLUSTER));

  test("[operator] creating a virtual server from a bundle asks for scheduler and persistence before it exists", async ({ page }, testInfo) => {
    await page.goto("/firewall-marks");
    await page.getByRole("link", { name: /^Add HTTP \+ HTTPS bundle/ }).click();
    const bundle = page.getByRole("form", { name: "New firewall-mark bundle" });
    await expect(bundle.getByLabel("Firewall Mark")).toHaveValue("80");
    await bundle.getByLabel("Virtual IP Address").fill("203.0.113.91");
    await bundle.getByRole("button", { name: "Create bundle" }).click();
    await expect(page.getByRole("status").first()).toHaveText("Created bundle http-https (mark 80). Next: its virtual server, below.");
    const ask = page.getByRole("form", { name: "Create virtual server from bundle http-https" });
    await expect(ask.getByLabel("Scheduling")).toHaveValue("wlc");
    expect(queryDatabase(`SELECT v.id FROM "VirtualServer" v JOIN "Cluster" c ON c.id = v.clusterId WHERE c.name = ?`, CLUSTER)).toEqual([]);
    await expectAccessible(page, testInfo, "bundle-create-virtual-server");
    await screenshot(page, testInfo, "bundle-create-virtual-server");
    await ask.getByLabel("Persistence Network Mask").fill("64");
    await ask.getByRole("button", { name: "Create virtual server" }).click();
    await expect(page.locator("#from-bundle-persistence-netmask-error")).toContainText("IPv4");
    await ask.getByLabel("Persistence Network Mask").fill("");
    await ask.getByLabel("Scheduling").selectOption("rr");
    await ask.getByLabel("Persistence", { exact: true }).fill("300");
    await ask.getByRole("button", { name: "Create virtual server" }).click();
    await expect(page).toHaveURL(/\/virtual-servers\/\d+\?created=bundle$/);
    await expect(page.getByRole("status").first()).toHaveText("Created virtual server http-https on mark 80. Next: add its real servers below.");
    const form = page.getByRole("form", { name: "Edit virtual server" });
    await expect(form.getByLabel("Scheduling")).toHaveValue("rr");
    await expect(form.getByLabel("Persistence", { exact: true })).toHaveValue("300");
    await page.getByRole("link", { name: "bundle http-https" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toContainText("Bundle http-https");
    await expect(page.getByRole("link", { name: "http-https", exact: true })).toBeVisible();
  });

  test("[operator] adds three real servers in the table and drains them in one audit event", async ({ page }, testInfo) => {
    await openVirtualServer(page, "http-https");
    const add = page.getByRole("form", { name: "Add real server" });
    for (const [name, address] of [["web1", "10.11.12.2"], ["web2", "10.11.12.3"], ["web3", "10.11.12.4"]]) {
      await add.getByLabel("Name", { exact: true }).fill(name!);
      await add.getByLabel("Address", { exact: true }).fill(address!);
      await add.getByRole("button", { name: "Add real server" }).click();
      await expect(add.getByRole("status")).toHaveText(`Added real server ${name} (${address}) to virtual server http-https.`);
    }
    const table = page.getByRole("region", { name: "Real servers" });
    await expect(table.getByRole("row")).toHaveCount(4);
    await page.getByLabel("Select all real servers").check();
    await page.getByRole("button", { name: "Drain (weight 0) selected real servers" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Drained" })).toHaveText("Drained 3 real servers: web1, web2, web3.");
    for (const name of ["web1", "web2", "web3"]) await expect(page.getByLabel(`Weight of ${name}`)).toHaveValue("0");
    const events = queryDatabase<{ detail: string }>(
      `SELECT a.detail FROM "AuditEvent" a JOIN "Cluster" c ON c.id = a.clusterId WHERE c.name = ? AND a.action LIKE 'realServer.%' AND a.action <> 'realServer.create'`, CLUSTER);
    expect(events).toEqual([{ detail: "drain 3 real servers of virtual server http-https: web1, web2, web3" }]);
    await page.getByLabel("Weight of web2").fill("3");
    await page.getByLabel("Weight of web2").press("Enter");
    await expect(page.getByRole("status").filter({ hasText: "Saved weight" })).toHaveText("Saved weight 3 of real server web2.");
    await expectAccessible(page, testInfo, "real-server-table");
    await screenshot(page, testInfo, "real-server-table");
  });

  test("[operator] a stale selection is refused as a whole", async ({ page, context }) => {
    await openVirtualServer(page, "http-https");
    const other = await context.newPage();
    await other.goto(page.url());
    await other.getByLabel("Weight of web1").fill("7");
    await other.getByLabel("Weight of web1").press("Enter");
    await expect(other.getByRole("status").filter({ hasText: "Saved weight" })).toBeVisible();
    await other.close();
    await page.getByLabel("Select web1").check();
    await page.getByLabel("Select web3").check();
    await page.getByRole("button", { name: "Deactivate selected real servers" }).click();
    await expect(page.getByRole("alert").filter({ hasText: "changed by someone else" })).toContainText("real servers (web1, web3)");
    await expect(page.getByLabel("Weight of web1")).toHaveValue("7");
    const table = page.getByRole("region", { name: "Real servers" });
    await expect(table.getByRole("row", { name: /web3/ })).not.toContainText("inactive");
  });

  test("[operator] clones a virtual server with its real servers", async ({ page }, testInfo) => {
    await openVirtualServer(page, "http-https");
    const clone = page.getByRole("form", { name: "Clone virtual server http-https" });
    await clone.getByLabel("Name of the copy").fill("bad name");
    await clone.getByRole("button", { name: "Clone virtual server" }).click();
    await expect(page.locator("#clone-name-error")).toContainText("allowed: 1-31 characters");
    await clone.getByLabel("Name of the copy").fill("http-https-b");
    await clone.getByRole("button", { name: "Clone virtual server" }).click();
    await expect(page).toHaveURL(/\/virtual-servers\/\d+\?created=clone/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Virtual server http-https-b");
    await expect(page.getByRole("status").first()).toHaveText("Cloned virtual server http-https as http-https-b, with 3 real servers. You are editing the copy.");
    await expect(page.getByRole("region", { name: "Real servers" }).getByRole("row")).toHaveCount(4);
    await expect(page.getByRole("form", { name: "Edit virtual server" }).getByLabel("Persistence", { exact: true })).toHaveValue("300");
    await screenshot(page, testInfo, "virtual-server-clone");
  });
});

test.describe("viewer", () => {
  test.use({ storageState: stateFile("viewer") });
  test.beforeEach(async ({ page }) => switchCluster(page, CLUSTER));

  test("[viewer] sees the table without controls and is refused when calling the actions directly", async ({ page }, testInfo) => {
    await openVirtualServer(page, "http-https");
    await expect(page.getByRole("region", { name: "Real servers" }).getByRole("row")).toHaveCount(4);
    await expect(page.getByRole("checkbox", { name: /^Select/ })).toHaveCount(0);
    await expect(page.getByLabel(/^Weight of/)).toHaveCount(0);
    await expect(page.getByRole("form", { name: /^Clone/ })).toHaveCount(0);
    await expectAccessible(page, testInfo, "viewer-real-server-table");
    const path = new URL(page.url()).pathname;
    const id = Number(path.split("/").pop());
    const rows = queryDatabase<{ id: number; version: number }>(`SELECT id, version FROM "RealServer" WHERE virtualServerId = ?`, id);
    const before = JSON.stringify(queryDatabase(`SELECT * FROM "RealServer" ORDER BY id`));
    const denied = new RegExp(DENIAL_MARKERS.map((m) => m.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join("|"));
    expect(await callAction(page, path, "applyRealServerBulkAction", [id, "delete", rows])).toMatch(denied);
    expect(await callAction(page, path, "cloneVirtualServerAction", [id, { name: "viewer-clone" }])).toMatch(denied);
    expect(JSON.stringify(queryDatabase(`SELECT * FROM "RealServer" ORDER BY id`))).toBe(before);
    expect(queryDatabase(`SELECT id FROM "VirtualServer" WHERE name = 'viewer-clone'`)).toEqual([]);
  });
});
