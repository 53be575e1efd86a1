import { expect, test, type Page } from "@playwright/test";
import { stateFile } from "./support/env";
import { expectAccessible, screenshot } from "./panels-helpers";

// Every panel an admin can open, so new panels are checked too when they join the navigation.
async function panelPaths(page: Page): Promise<string[]> {
  await page.goto("/");
  const nav = page.getByRole("navigation", { name: "Console panels" });
  const hrefs = await nav.getByRole("link").evaluateAll((links) => links.map((a) => a.getAttribute("href") ?? "/"));
  return [...new Set([...hrefs, "/account", "/virtual-servers/new", "/firewall-marks/new"])];
}

async function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}

test.describe("themes and small screens", () => {
  test.use({ storageState: stateFile("admin") });

  for (const colorScheme of ["light", "dark"] as const) {
    test(`[admin] every panel fits a 390 px phone without horizontal scroll, accessible (${colorScheme})`, async ({ page }, testInfo) => {
      test.setTimeout(180_000);
      await page.emulateMedia({ colorScheme });
      await page.setViewportSize({ width: 390, height: 844 });
      for (const path of await panelPaths(page)) {
        await page.goto(path);
        await expect(page.locator("main#main")).toBeVisible();
        expect(await horizontalOverflow(page), `horizontal overflow on ${path}`).toBeLessThanOrEqual(0);
        const name = `${colorScheme}-390-${path.replace(/\W+/g, "-") || "root"}`;
        await expectAccessible(page, testInfo, name);
        await screenshot(page, testInfo, name);
      }
    });
  }

  test("[admin] every panel is accessible in both themes on a wide screen", async ({ page }, testInfo) => {
    test.setTimeout(180_000);
    await page.setViewportSize({ width: 1366, height: 900 });
    for (const colorScheme of ["light", "dark"] as const) {
      await page.emulateMedia({ colorScheme });
      for (const path of await panelPaths(page)) {
        await page.goto(path);
        expect(await horizontalOverflow(page), `horizontal overflow on ${path}`).toBeLessThanOrEqual(0);
        await expectAccessible(page, testInfo, `${colorScheme}-1366-${path.replace(/\W+/g, "-") || "root"}`);
      }
    }
  });

  test("[admin] the theme follows the system until chosen, and the choice survives a reload", async ({ page }) => {
    await page.emulateMedia({ colorScheme: "dark" });
    await page.goto("/");
    const background = () => page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
    const dark = await background();
    await page.getByLabel("Theme").selectOption("light");
    const light = await background();
    expect(light).not.toBe(dark);
    await page.reload();
    await expect(page.getByLabel("Theme")).toHaveValue("light");
    expect(await background()).toBe(light);
    await page.getByLabel("Theme").selectOption("system");
    await page.reload();
    expect(await background()).toBe(dark);
  });

  test("[admin] the skip link is the first stop and moves focus to the main content", async ({ page }) => {
    await page.goto("/virtual-servers");
    await page.keyboard.press("Tab");
    const skip = page.getByRole("link", { name: "Skip to main content" });
    await expect(skip).toBeFocused();
    await expect(skip).toBeVisible();
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(/#main$/);
    await expect(page.locator("main#main")).toBeFocused();
  });
});
