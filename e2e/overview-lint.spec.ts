import { expect, test, type Page } from "@playwright/test";
import { stateFile } from "./support/env";
import { callAction, ensureCluster, expectAccessible, importDocument, screenshot, switchCluster } from "./panels-helpers";

// Issue 13 items 1, 4 and 8: overview and search, lint where you edit, read-only pages.
const CLUSTER = "e2e-overview";

// HTTP+HTTPS on mark 80 whose two services disagree on persistence (an error on
// "ov-https", the later one by name), and a port-based DNS service.
const DOCUMENT = {
  version: 1,
  cluster: {
    name: CLUSTER, primary: { publicIp: "203.0.113.70" }, network: "nat",
    natRouter: { ip: "10.77.12.10", netmask: "255.255.255.0", device: "eth1:1" },
  },
  firewallMarks: [{ mark: 80, name: "ov-web", vip: "203.0.113.71", protocol: "tcp", ports: ["80", "443"] }],
  virtualServers: [
    { name: "ov-http", vip: "203.0.113.71", device: "eth0:1", port: 80, firewallMark: 80, persistence: { timeoutSeconds: 300 },
      realServers: [{ name: "ov-web1", address: "10.77.12.21" }, { name: "ov-web2", address: "10.77.12.22" }] },
    { name: "ov-https", vip: "203.0.113.71", device: "eth0:1", port: 443, firewallMark: 80, persistence: { timeoutSeconds: 600 },
      realServers: [{ name: "ov-web1", address: "10.77.12.21" }] },
    { name: "ov-dns", vip: "203.0.113.72", device: "eth0:2", port: 53, protocol: "udp", realServers: [{ name: "ov-ns1", address: "10.77.12.53" }] },
  ],
};

async function seed(page: Page) {
  await switchCluster(page, CLUSTER);
  await importDocument(page, { name: "overview.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify(DOCUMENT)) });
}

test.beforeAll(async ({ browser }) => ensureCluster(browser, CLUSTER, "203.0.113.70", seed));

test.describe("operator", () => {
  test.use({ storageState: stateFile("operator") });

  test("[operator] the overview shows VIP → bundle → services → real servers with lint state, and filters", async ({ page }, testInfo) => {
    await switchCluster(page, CLUSTER);
    const overview = page.getByRole("region", { name: "Overview" });
    const vip = overview.getByRole("region", { name: "VIP 203.0.113.71" });
    await expect(vip.getByRole("link", { name: "ov-web", exact: true })).toHaveAttribute("href", /^\/c\/\d+-e2e-overview\/firewall-marks\/\d+$/);
    await expect(vip).toContainText("mark 80 · tcp 80, 443");
    await expect(vip).toContainText("ov-web2 10.77.12.22 · weight 1");
    await expect(vip.getByRole("link", { name: /^1 error(, \d+ warnings?)? on virtual server ov-https$/ })).toBeVisible();
    await overview.getByLabel("Filter by name, VIP, mark, port or address").fill("10.77.12.53");
    await overview.getByRole("button", { name: "Filter" }).click();
    await expect(page).toHaveURL(/\?q=10\.77\.12\.53$/);
    await expect(overview.getByRole("region", { name: /^VIP / })).toHaveCount(1);
    await expect(overview.getByRole("region", { name: "VIP 203.0.113.72" })).toContainText("ov-dns");
    await expectAccessible(page, testInfo, "overview-filtered");
    await page.goto("/");
    await screenshot(page, testInfo, "overview");
  });

  test("[operator] the header's search lands on a real server's virtual server", async ({ page }) => {
    await switchCluster(page, CLUSTER);
    const search = page.getByRole("search").filter({ has: page.getByLabel("Search the cluster") });
    await search.getByLabel("Search the cluster").fill("10.77.12.53");
    await search.getByLabel("Search the cluster").press("Enter");
    await expect(page).toHaveURL(/\/virtual-servers\/\d+#rs-\d+-name$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Virtual server ov-dns");
    // An exact bundle name lands on the bundle.
    await search.getByLabel("Search the cluster").fill("ov-web");
    await search.getByRole("button", { name: "Search" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Bundle ov-web (mark 80, ipv4)");
    // Several matches: a results page, each linking to its object.
    await search.getByLabel("Search the cluster").fill("ov-web1");
    await search.getByRole("button", { name: "Search" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toContainText("Search");
    await expect(page.getByRole("main").getByRole("link", { name: "ov-web1", exact: true })).toHaveCount(2);
    await page.getByRole("main").getByRole("link", { name: "ov-web1", exact: true }).first().click();
    await expect(page).toHaveURL(/\/virtual-servers\/\d+#rs-\d+-name$/);
  });

  test("[operator] a lint link focuses the field at fault, and the page's checks follow each save", async ({ page }, testInfo) => {
    await switchCluster(page, CLUSTER);
    const checks = page.getByRole("region", { name: "Checks" });
    const finding = checks.getByRole("listitem").filter({ hasText: "PERSISTENCE_MISMATCH" });
    await expect(finding).toContainText("virtual server ov-https");
    await expect(finding).not.toContainText("virtualServers[");
    await finding.getByRole("link", { name: "virtual server ov-https" }).click();
    await expect(page).toHaveURL(/\/virtual-servers\/\d+#f-persistence-timeoutSeconds$/);
    const persistence = page.getByLabel("Persistence", { exact: true });
    await expect(persistence).toBeFocused();
    const own = page.getByRole("region", { name: "Checks for this virtual server" });
    await expect(own).toContainText("PERSISTENCE_MISMATCH");
    await expectAccessible(page, testInfo, "virtual-server-checks");
    await screenshot(page, testInfo, "virtual-server-checks");
    // Fixing it clears the finding on this page; breaking it again brings it back (and leaves the cluster as seeded).
    for (const [seconds, present] of [["300", false], ["600", true]] as const) {
      await persistence.fill(seconds);
      await page.getByRole("button", { name: "Save virtual server" }).click();
      await expect(page.getByRole("status").filter({ hasText: "Saved virtual server ov-https." })).toBeVisible();
      if (present) await expect(own).toContainText("PERSISTENCE_MISMATCH");
      else await expect(own).toContainText("Lint finds nothing wrong with this virtual server.");
    }
    const sameLink = own.getByRole("link", { name: "virtual server ov-https" });
    await expect(sameLink).toHaveAttribute("href", /^\/c\/\d+-e2e-overview\/virtual-servers\/\d+#f-persistence-timeoutSeconds$/);
    // On its own page the link focuses the field in place (the fragment is unchanged, so no hashchange would).
    await page.getByRole("heading", { level: 1 }).click();
    await expect(persistence).not.toBeFocused();
    await sameLink.click();
    await expect(persistence).toBeFocused();
    await expect(page).toHaveURL(/\/virtual-servers\/\d+#f-persistence-timeoutSeconds$/);
  });
});

test.describe("viewer", () => {
  test.use({ storageState: stateFile("viewer") });

  test("[viewer] sees read-only pages that say why", async ({ page }, testInfo) => {
    await switchCluster(page, CLUSTER);
    await page.getByRole("region", { name: "Overview" }).getByRole("link", { name: "ov-http", exact: true }).click();
    await expect(page.getByText(`You have the viewer role on cluster ${CLUSTER}; ask an admin for operator rights to edit.`)).toBeVisible();
    const vip = page.getByLabel("Virtual IP Address");
    await expect(vip).toBeDisabled();
    await expect(vip).toHaveValue("203.0.113.71");
    // Shown as a value: no box around it.
    expect(await vip.evaluate((el) => getComputedStyle(el).borderTopColor)).toBe("rgba(0, 0, 0, 0)");
    await expect(page.getByRole("button", { name: /^Save/ })).toHaveCount(0);
    await expectAccessible(page, testInfo, "viewer-virtual-server");
    await screenshot(page, testInfo, "viewer-virtual-server");
    await page.goto("/settings");
    await expect(page.getByText(`You have the viewer role on cluster ${CLUSTER}; ask an admin for admin rights to edit.`)).toBeVisible();
    await expect(page.getByLabel("Cluster name")).toBeDisabled();
  });
});

test.describe("admin", () => {
  test.use({ storageState: stateFile("admin") });

  test("[admin] cannot demote or disable their own account, on the page or directly", async ({ page }, testInfo) => {
    await page.goto("/users");
    const self = page.getByRole("row").filter({ has: page.getByRole("rowheader", { name: /\(you\)$/ }) });
    await expect(self).toContainText("another admin changes your own role");
    await expect(self.getByRole("combobox")).toHaveCount(0);
    await expect(self.getByRole("button", { name: /^(Disable|Enable|Save role)/ })).toHaveCount(0);
    const username = (await self.getByRole("rowheader").textContent())!.replace(" (you)", "");
    const userId = Number((await page.getByLabel(`New password for ${username}`).getAttribute("id"))!.replace("reset-", ""));
    const refused = "You cannot change your own role, grants or status; ask another admin.";
    expect(await callAction(page, "/users", "changeUserRoleAction", [{ userId, role: "viewer", version: 1 }])).toContain(refused);
    expect(await callAction(page, "/users", "setUserDisabledAction", [{ userId, disabled: true, version: 1 }])).toContain(refused);
    await page.reload();
    await expect(self).toContainText("Active");
    await expectAccessible(page, testInfo, "users-self");
  });
});
