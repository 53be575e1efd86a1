import { expect, test } from "@playwright/test";
import { ACCOUNTS } from "./setup/accounts";
import { stateFile } from "./support/env";
import { expectAccessible, screenshot } from "./panels-helpers";

test.describe("audit log", () => {
  test.use({ storageState: stateFile("admin") });

  test("[admin] events name their object as recorded, show changes field by field, and filter by object", async ({ page }, testInfo) => {
    const operator = ACCOUNTS.operator.username;
    await page.setViewportSize({ width: 1366, height: 900 });
    await page.goto("/audit?action=user.create");
    const row = page.getByRole("row").filter({ has: page.getByRole("link", { name: `user ${operator}` }) });
    await expect(row).toHaveCount(1);
    await row.getByText(/fields? changed/).click();
    const fields = row.getByRole("table");
    await expect(fields.getByRole("row", { name: /username/ })).toContainText(operator);
    await expect(fields.getByRole("row", { name: /role/ })).toContainText("operator");

    // Timestamps stay on one line and the table fits a 1,366 px screen.
    const time = row.locator("time");
    const box = await time.boundingBox();
    expect(box?.height ?? 99).toBeLessThan(30);
    expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);

    await row.getByRole("link", { name: `user ${operator}` }).click();
    await expect(page).toHaveURL(/targetType=user&targetId=\d+/);
    const objectRows = page.locator("table.audit-table > tbody > tr");
    expect(await objectRows.count()).toBeGreaterThan(0);
    for (const text of await objectRows.locator("td:nth-child(4)").allInnerTexts()) expect(text).toContain(`user ${operator}`);
    await expectAccessible(page, testInfo, "audit-object");
    await screenshot(page, testInfo, "audit-object");
  });
});
