import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import AxeBuilder from "@axe-core/playwright";
import { expect, type Browser, type Locator, type Page, type TestInfo } from "@playwright/test";
import { stateFile } from "./support/env";

/** The cluster the panel specs work in, so other specs' data never meets theirs. */
export const PANELS_CLUSTER = "e2e-panels";

/** axe-core on the current page: no serious or critical violation; the findings are attached either way. */
export async function expectAccessible(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  const results = await new AxeBuilder({ page }).analyze();
  const bad = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  await testInfo.attach(`${name}-axe.json`, { body: JSON.stringify(results.violations, null, 2), contentType: "application/json" });
  expect(bad.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(" ")).join(" | ")}`)).toEqual([]);
}

/** A full-page screenshot saved with the test results. */
export async function screenshot(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  const file = testInfo.outputPath(`${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  await testInfo.attach(name, { path: file, contentType: "image/png" });
}

/**
 * Creates a spec's own cluster as the admin, through the clusters page, unless it
 * exists; `afterCreate` runs once, on the admin's page, right after creating it.
 */
export async function ensureCluster(
  browser: Browser, name: string, publicIp = "203.0.113.2", afterCreate?: (page: Page) => Promise<void>,
): Promise<void> {
  const context = await browser.newContext({ storageState: stateFile("admin") });
  const page = await context.newPage();
  await page.goto("/clusters");
  if (!(await page.getByRole("cell", { name, exact: true }).count())) {
    const form = page.getByRole("form", { name: "Create cluster" });
    await form.getByLabel("Cluster name").fill(name);
    await form.getByLabel("Primary server public IP").fill(publicIp);
    await form.getByRole("button", { name: "Create cluster" }).click();
    await expect(form.getByRole("status")).toContainText(`Created cluster ${name}`);
    await afterCreate?.(page);
  }
  await context.close();
}

/** Creates the panels' cluster unless it exists. */
export async function ensurePanelsCluster(browser: Browser): Promise<void> {
  await ensureCluster(browser, PANELS_CLUSTER);
}

/**
 * Opens a cluster with the shell's switcher (one link per cluster, to the same
 * panel there) and waits until the console remembers it, so `/` and addresses
 * without a cluster lead to it.
 */
export async function switchCluster(page: Page, name: string): Promise<void> {
  await page.goto("/");
  const switcher = page.getByRole("navigation", { name: "Cluster switcher" });
  await switcher.locator("summary").click();
  await switcher.getByRole("link", { name, exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`/c/\\d+-${escapeRegExp(name)}$`));
  await expect(page.getByRole("heading", { level: 1 })).toContainText(name);
  await expect.poll(async () => (await page.request.get("/", { maxRedirects: 0 })).headers()["location"] ?? "")
    .toMatch(new RegExp(`/c/\\d+-${escapeRegExp(name)}$`));
}

/** A string matched literally inside a regular expression. */
export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** Switches this browser context to the panels' cluster with the shell's switcher. */
export async function showPanelsCluster(page: Page): Promise<void> {
  await switchCluster(page, PANELS_CLUSTER);
}

/** The build's id of a server action, to call it directly as the documenso-style forbidden-access specs do. */
export function actionId(exportName: string): string {
  const file = fileURLToPath(new URL("../.next/server/server-reference-manifest.json", import.meta.url));
  const manifest = JSON.parse(readFileSync(file, "utf8")) as { node: Record<string, { exportedName: string }> };
  const found = Object.entries(manifest.node).find(([, entry]) => entry.exportedName === exportName);
  if (!found) throw new Error(`server action ${exportName} is not in the build`);
  return found[0];
}

/** POSTs a server action call straight to a page, as a browser would, with the context's cookies. */
export async function callAction(page: Page, pagePath: string, exportName: string, args: unknown[]): Promise<string> {
  const response = await page.request.post(pagePath, {
    headers: { "next-action": actionId(exportName), "content-type": "text/plain;charset=UTF-8", accept: "text/x-component", origin: new URL(page.url()).origin },
    data: JSON.stringify(args),
    failOnStatusCode: false,
  });
  return response.text();
}

/** Imports an interchange document on the Import page: upload, see what will change, replace the content; returns the result line. */
export async function importDocument(
  page: Page, file: string | { name: string; mimeType: string; buffer: Buffer }, timeout = 30_000,
): Promise<Locator> {
  await page.goto("/import");
  const form = page.getByRole("form", { name: "Upload a document" });
  await form.getByLabel("Interchange document (JSON)").setInputFiles(file);
  await form.getByRole("button", { name: "Preview document" }).click();
  await page.getByRole("button", { name: "Replace the content" }).click({ timeout });
  const status = form.getByRole("status");
  await expect(status).toContainText("Imported", { timeout });
  return status;
}
