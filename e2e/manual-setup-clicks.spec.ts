import { expect, test, type Locator, type Page } from "@playwright/test";
import { stateFile } from "./support/env";
import { ensureCluster, switchCluster } from "./panels-helpers";

// Issue 13 (Tests): the manuals' HTTP+HTTPS service (mark 80, ports 80 + 443, two
// real servers, 300 s persistence) and FTP (mark 21) from an empty cluster,
// counting what the operator clicks and how many pages load on the way.
const CLUSTER = "e2e-manual-setup";

test.use({ storageState: stateFile("operator") });
test.beforeAll(async ({ browser }) => ensureCluster(browser, CLUSTER, "203.0.113.70"));

/** Counts clicks (buttons, links, choices, answered dialogs) and the pages shown (main-frame addresses, client-side navigations included). */
function startCounting(page: Page) {
  const count = { clicks: 0, pageLoads: 0, dialogs: [] as string[] };
  // Every form here was saved before the operator moves on: a "leave?" question would be a false alarm.
  page.on("dialog", (dialog) => {
    count.clicks += 1;
    count.dialogs.push(`${new URL(page.url()).pathname}: ${dialog.message()}`);
    void dialog.accept();
  });
  // A page is a new address: a refresh or a history update of the same address is no new page.
  let last = "";
  page.on("framenavigated", (frame) => {
    if (frame !== page.mainFrame() || frame.url() === last) return;
    last = frame.url();
    count.pageLoads += 1;
  });
  const click = async (target: Locator) => {
    count.clicks += 1;
    await target.click();
  };
  return { count, click };
}

test("[operator] sets up the manuals' HTTP+HTTPS and FTP services; prints clicks and page loads", async ({ page }) => {
  await switchCluster(page, CLUSTER);

  const { count, click } = startCounting(page);
  const nav = page.getByRole("navigation", { name: "Console panels" });

  async function createBundle(preset: RegExp, vip: string) {
    await click(nav.getByRole("link", { name: "Firewall marks" }));
    await click(page.getByRole("link", { name: preset }));
    const form = page.getByRole("form", { name: "New firewall-mark bundle" });
    await form.getByLabel("Virtual IP Address").fill(vip);
    await click(form.getByRole("button", { name: "Create bundle" }));
    await expect(page).toHaveURL(/\/firewall-marks\/\d+\?created=1$/);
  }

  async function createVirtualServer(bundle: string, persistence: string) {
    const form = page.getByRole("form", { name: `Create virtual server from bundle ${bundle}` });
    await form.getByLabel("Persistence", { exact: true }).fill(persistence);
    await click(form.getByRole("button", { name: "Create virtual server" }));
    await expect(page).toHaveURL(/\/virtual-servers\/\d+\?created=bundle$/);
  }

  async function addRealServer(name: string, address: string) {
    const form = page.getByRole("form", { name: "Add real server" });
    await form.getByLabel("Name", { exact: true }).fill(name);
    await form.getByLabel("Address", { exact: true }).fill(address);
    await click(form.getByRole("button", { name: "Add real server" }));
    await expect(form.getByRole("status")).toContainText(`Added real server ${name} (${address})`);
  }

  await createBundle(/^Add HTTP \+ HTTPS bundle/, "203.0.113.80");
  await createVirtualServer("http-https", "300");
  await addRealServer("web1", "10.11.12.2");
  await addRealServer("web2", "10.11.12.3");
  await createBundle(/^Add FTP bundle/, "203.0.113.21");
  await createVirtualServer("ftp", "300");

  await page.waitForLoadState("networkidle");
  console.log(`manual_setup_clicks ${count.clicks} page_loads ${count.pageLoads}`);
  expect(count.dialogs).toEqual([]);

  await page.getByRole("navigation", { name: "Console panels" }).getByRole("link", { name: "Virtual servers" }).click();
  await expect(page.getByRole("row", { name: /http-https/ })).toContainText("300 s");
  await expect(page.getByRole("row", { name: /ftp/ })).toContainText("300 s");
  await page.getByRole("navigation", { name: "Console panels" }).getByRole("link", { name: "Firewall marks" }).click();
  await expect(page.getByRole("row", { name: /http-https/ })).toContainText("80, 443");
  await expect(page.getByRole("row", { name: /ftp/ })).toContainText("21, 10000-20000");
  await page.getByRole("link", { name: "http-https", exact: true }).last().click();
  await expect(page.getByRole("region", { name: "Real servers" }).getByRole("row")).toHaveCount(3);
});
