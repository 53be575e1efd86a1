import { expect, test as setup, type Page } from "@playwright/test";
import { ACCOUNTS, submitCreateUser, submitLogin, type E2eRole } from "./accounts";

// One saved login per role. The admin is the bootstrapped account; the others
// are created through the users page, as an admin would.

async function signIn(page: Page, role: E2eRole): Promise<void> {
  const { username, password } = ACCOUNTS[role];
  await submitLogin(page, username, password);
  await expect(page).toHaveURL(/\/c\/\d+-[^/?#]+$/);
}

async function ensureUser(page: Page, role: "operator" | "viewer"): Promise<void> {
  const { username, password } = ACCOUNTS[role];
  const form = await submitCreateUser(page, username, role, password);
  const outcome = form.getByRole("status").or(form.getByRole("alert"));
  await expect(outcome).toBeVisible();
  if (/taken/.test(await outcome.innerText())) {
    // A database kept from an earlier run: make the password known again.
    await page.getByLabel(`New password for ${username}`).fill(password);
    await page.getByRole("button", { name: `Reset password for ${username}` }).click();
    await expect(page.getByText(`Password of ${username} was reset`)).toBeVisible();
  } else {
    await expect(outcome).toHaveText(`Created user ${username}.`);
  }
}

setup("[admin] sign in and create the operator and viewer accounts", async ({ page, browser }) => {
  await signIn(page, "admin");
  await page.context().storageState({ path: ACCOUNTS.admin.state });
  await ensureUser(page, "operator");
  await ensureUser(page, "viewer");

  for (const role of ["operator", "viewer"] as const) {
    const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
    const rolePage = await context.newPage();
    await signIn(rolePage, role);
    await expect(rolePage.getByText(`${ACCOUNTS[role].username} (${role})`)).toBeVisible();
    await context.storageState({ path: ACCOUNTS[role].state });
    await context.close();
  }
});
