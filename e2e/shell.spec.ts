import { expect, test } from "@playwright/test";
import { submitLogin } from "./setup/accounts";
import { E2E_ADMIN_PASSWORD, E2E_ADMIN_USERNAME } from "./support/env";

test("[anonymous] the console redirects to /login", async ({ page }) => {
  const response = await page.goto("/virtual-servers");
  expect(response?.ok()).toBeTruthy();
  await expect(page).toHaveURL(/\/login/);
  await expect(page.getByRole("button", { name: "Sign in" })).toBeVisible();
});

test("[admin] the bootstrapped admin logs in and sees the console shell", async ({ page }) => {
  await submitLogin(page, E2E_ADMIN_USERNAME, E2E_ADMIN_PASSWORD);
  await expect(page).toHaveURL(/\/c\/\d+-[^/?#]+$/);
  const nav = page.getByRole("navigation", { name: "Console panels" });
  for (const panel of ["Control/Monitoring", "Global settings", "Redundancy", "Virtual servers", "Firewall marks",
    "Preview & export", "Users", "Audit log"]) {
    await expect(nav.getByRole("link", { name: panel })).toBeVisible();
  }
  await expect(page.getByText(`${E2E_ADMIN_USERNAME} (admin)`)).toBeVisible();
});

test("[anonymous] a wrong password is refused", async ({ page }) => {
  await submitLogin(page, E2E_ADMIN_USERNAME, "not-the-password");
  await expect(page.getByRole("alert").filter({ hasText: "Invalid username or password" })).toBeVisible();
  await expect(page).toHaveURL(/\/login/);
});
