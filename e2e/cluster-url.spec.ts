import { expect, test, type Page } from "@playwright/test";
import { ensureCluster, escapeRegExp, switchCluster } from "./panels-helpers";
import { stateFile } from "./support/env";

// Issue 13 item 9: the cluster is part of the URL (`/c/<id>-<name>/…`), so
// bookmarks, several tabs on several clusters and links in notes keep meaning
// one cluster; switching is one choice and keeps the panel.

const A = "e2e-url-a";
const B = "e2e-url-b";

/** `/c/<id>-<name>` of a cluster, as the switcher opened it. */
async function clusterBase(page: Page, name: string): Promise<string> {
  await switchCluster(page, name);
  return new URL(page.url()).pathname;
}

async function createHttpBundle(page: Page, base: string, vip: string): Promise<number> {
  await page.goto(`${base}/firewall-marks`);
  await page.getByRole("link", { name: /^Add HTTP \+ HTTPS bundle/ }).click();
  const form = page.getByRole("form", { name: "New firewall-mark bundle" });
  await form.getByLabel("Virtual IP Address").fill(vip);
  await form.getByRole("button", { name: "Create bundle" }).click();
  await expect(page).toHaveURL(new RegExp(`^[^?]*${escapeRegExp(base)}/firewall-marks/\\d+\\?created=1$`));
  return Number(/\/firewall-marks\/(\d+)/.exec(page.url())![1]);
}

test.describe("operator", () => {
  test.use({ storageState: stateFile("operator") });
  test.beforeAll(async ({ browser }) => {
    await ensureCluster(browser, A, "203.0.113.31");
    await ensureCluster(browser, B, "203.0.113.32");
  });

  test("[operator] two tabs on two clusters: each tab shows and edits its own", async ({ context }) => {
    const tabA = await context.newPage();
    const tabB = await context.newPage();
    const baseA = await clusterBase(tabA, A);
    const baseB = await clusterBase(tabB, B);
    expect(baseA).toMatch(new RegExp(`^/c/\\d+-${A}$`));
    expect(baseB).not.toBe(baseA);

    // Tab B was opened last, yet tab A's create lands in A, and each tab keeps its cluster on reload.
    const bundleOfA = await createHttpBundle(tabA, baseA, "203.0.113.131");
    await tabA.reload();
    await expect(tabA.getByRole("heading", { level: 1 })).toContainText("Bundle http-https");
    await tabA.getByRole("navigation", { name: "Console panels" }).getByRole("link", { name: "Firewall marks" }).click();
    await expect(tabA).toHaveURL(new RegExp(`${escapeRegExp(baseA)}/firewall-marks$`));
    await expect(tabA.getByRole("heading", { level: 1 })).toContainText(`Firewall marks · ${A}`);
    await expect(tabA.getByRole("row", { name: /http-https/ })).toHaveCount(1);

    await tabB.reload();
    await expect(tabB.getByRole("heading", { level: 1 })).toContainText(`Control/Monitoring · ${B}`);
    await tabB.goto(`${baseB}/firewall-marks`);
    await expect(tabB.getByRole("heading", { level: 1 })).toContainText(`Firewall marks · ${B}`);
    await expect(tabB.getByRole("row", { name: /http-https/ })).toHaveCount(0);

    // A's bundle under B's address is no page of B; a cluster id that does not exist is no page either.
    expect((await tabB.goto(`${baseB}/firewall-marks/${bundleOfA}`))?.status()).toBe(404);
    expect((await tabB.goto(`/c/2147483647-nowhere/virtual-servers`))?.status()).toBe(404);
    expect((await tabB.goto(`/c/nowhere/virtual-servers`))?.status()).toBe(404);
  });

  test("[operator] switching is one choice and keeps the panel; old addresses lead to the cluster last shown", async ({ page }) => {
    const baseA = await clusterBase(page, A);
    await page.getByRole("navigation", { name: "Console panels" }).getByRole("link", { name: "Virtual servers" }).click();
    await expect(page).toHaveURL(new RegExp(`${escapeRegExp(baseA)}/virtual-servers$`));

    const switcher = page.getByRole("navigation", { name: "Cluster switcher" });
    await expect(switcher.locator("summary")).toHaveText(`Cluster ${A}`);
    await switcher.locator("summary").click();
    // Every cluster is a link to the same panel there: one choice, or a new tab with the browser's own gesture.
    const toB = switcher.getByRole("link", { name: B, exact: true });
    await expect(toB).toHaveAttribute("href", new RegExp(`^/c/\\d+-${B}/virtual-servers$`));
    await expect(switcher.getByRole("link", { name: A, exact: true })).toHaveAttribute("aria-current", "true");
    await toB.click();
    await expect(page).toHaveURL(new RegExp(`/c/\\d+-${B}/virtual-servers$`));
    await expect(page.getByRole("heading", { level: 1 })).toContainText(`Virtual servers · ${B}`);
    await expect(switcher.locator("summary")).toHaveText(`Cluster ${B}`);
    const baseB = new URL(page.url()).pathname.replace(/\/virtual-servers$/, "");

    // Addresses from before the cluster was in the URL, and "/", go to the cluster shown last, query kept.
    await expect.poll(async () => (await page.request.get("/firewall-marks?q=web", { maxRedirects: 0 })).headers()["location"] ?? "")
      .toMatch(new RegExp(`${escapeRegExp(baseB)}/firewall-marks\\?q=web$`));
    await page.goto("/virtual-servers?q=web");
    await expect(page).toHaveURL(new RegExp(`${escapeRegExp(baseB)}/virtual-servers\\?q=web$`));
    await page.goto("/");
    await expect(page).toHaveURL(new RegExp(`${escapeRegExp(baseB)}$`));
    expect((await page.goto("/no-such-panel"))?.status()).toBe(404);

    // The global pages link the panels into the cluster last shown.
    await page.goto("/account");
    await expect(page.getByRole("navigation", { name: "Console panels" }).getByRole("link", { name: "Firewall marks" }))
      .toHaveAttribute("href", `${baseB}/firewall-marks`);
  });
});

test.describe("admin", () => {
  test.use({ storageState: stateFile("admin") });

  test("[admin] a renamed cluster keeps its addresses, which then show its new name", async ({ page, browser }) => {
    await ensureCluster(browser, "e2e-url-old", "203.0.113.33");
    const base = await clusterBase(page, "e2e-url-old");
    const id = /^\/c\/(\d+)-/.exec(base)![1];
    await page.goto("/clusters");
    await expect(page.getByRole("link", { name: "e2e-url-old", exact: true })).toHaveAttribute("href", base);
    const rename = page.getByRole("form", { name: "Rename cluster e2e-url-old" });
    await rename.getByLabel("New name for e2e-url-old").fill("e2e-url-new");
    await rename.getByRole("button", { name: "Rename" }).click();
    await expect(page.getByRole("link", { name: "e2e-url-new", exact: true })).toHaveAttribute("href", `/c/${id}-e2e-url-new`);

    // The bookmark with the old name still opens the cluster, and the address bar is corrected in place.
    const response = await page.goto(`${base}/settings#f-primary-publicIp`);
    expect(response?.status()).toBe(200);
    await expect(page.getByRole("heading", { level: 1 })).toContainText("Global settings · e2e-url-new");
    await expect(page).toHaveURL(new RegExp(`/c/${id}-e2e-url-new/settings#f-primary-publicIp$`));
  });
});
