import { expect, test, type Browser, type Page } from "@playwright/test";
import { ACCOUNTS, submitCreateUser, submitLogin } from "./setup/accounts";

// Accounts, roles and sessions through the browser. Tests that sign out or
// change passwords use accounts of their own, never the saved role sessions.

/** Our alerts, not Next's empty route announcer (which also has role="alert"). */
const alert = (page: Page) => page.locator('[role="alert"]:not(#__next-route-announcer__)');


/** Creates an account through the users page as the saved admin. */
async function createAccount(browser: Browser, username: string, role: string, password: string): Promise<void> {
  const context = await browser.newContext({ storageState: ACCOUNTS.admin.state });
  const page = await context.newPage();
  const form = await submitCreateUser(page, username, role, password);
  await expect(form.getByRole("status")).toHaveText(`Created user ${username}.`);
  await context.close();
}

test.describe("anonymous", () => {
  test("[anonymous] the login page sends the security headers", async ({ request }) => {
    const response = await request.get("/login");
    expect(response.status()).toBe(200);
    const h = response.headers();
    const csp = h["content-security-policy"] ?? "";
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
    expect(csp).not.toContain("unsafe-eval");
    expect(h["x-content-type-options"]).toBe("nosniff");
    expect(h["referrer-policy"]).toMatch(/^(no-referrer|strict-origin-when-cross-origin)$/);
    const asset = await request.get("/favicon.ico", { failOnStatusCode: false });
    expect(asset.headers()["x-content-type-options"]).toBe("nosniff");
  });

  test("[anonymous] a successful login sets an HttpOnly SameSite=Strict session cookie and signs out again", async ({ page }) => {
    await createAccount(page.context().browser()!, "cookie1", "viewer", "cookie1-E2e-passw0rd");
    await submitLogin(page, "cookie1", "cookie1-E2e-passw0rd");
    await expect(page).toHaveURL(/\/c\/\d+-[^/?#]+$/);
    const cookie = (await page.context().cookies()).find((c) => c.name === "lvs_session");
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: "Strict", path: "/" });
    expect(cookie!.value).toMatch(/^[A-Za-z0-9_-]{43}$/);
    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page).toHaveURL(/\/login$/);
    await page.goto("/");
    await expect(page).toHaveURL(/\/login$/);
  });

  test("[anonymous] an unknown user gets the same answer as a wrong password", async ({ page }) => {
    await submitLogin(page, "no-such-user", "whatever-passw0rd");
    await expect(alert(page)).toHaveText("Invalid username or password.");
  });

  test("[anonymous] the sixth attempt is throttled even with the right password", async ({ page, browser }) => {
    await createAccount(browser, "throttle1", "viewer", "throttle1-E2e-passw0rd");
    for (let i = 1; i <= 5; i += 1) {
      await submitLogin(page, "throttle1", `wrong-passw0rd-${i}`);
      await expect(alert(page)).toHaveText("Invalid username or password.");
    }
    await submitLogin(page, "throttle1", "throttle1-E2e-passw0rd");
    await expect(alert(page)).toHaveText(/Too many failed attempts\. Try again in 1[45] minutes\./);
    await expect(page).toHaveURL(/\/login$/);
  });
});

test.describe("viewer", () => {
  test.use({ storageState: ACCOUNTS.viewer.state });

  test("[viewer] cannot open the users page", async ({ page }) => {
    await page.goto("/users");
    await expect(alert(page)).toHaveText("Only admins can manage users.");
    await expect(page.getByRole("table")).toHaveCount(0);
    await expect(page.getByRole("navigation", { name: "Console panels" }).getByRole("link", { name: "Users" })).toHaveCount(0);
  });

  test("[viewer] cannot open the audit log", async ({ page }) => {
    await page.goto("/audit");
    await expect(alert(page)).toHaveText("Only admins can read the audit log.");
    await expect(page.getByRole("table")).toHaveCount(0);
  });
});

test.describe("operator", () => {
  test.use({ storageState: ACCOUNTS.operator.state });

  test("[operator] cannot open the users page", async ({ page }) => {
    await page.goto("/users");
    await expect(alert(page)).toHaveText("Only admins can manage users.");
  });

  test("[operator] cannot open the audit log", async ({ page }) => {
    await page.goto("/audit");
    await expect(alert(page)).toHaveText("Only admins can read the audit log.");
  });
});

test.describe("admin", () => {
  test.use({ storageState: ACCOUNTS.admin.state });

  test("[admin] sees every account on the users page", async ({ page }) => {
    await page.goto("/users");
    for (const name of ["admin", "operator1", "viewer1"]) {
      await expect(page.getByRole("rowheader", { name: new RegExp(`^${name}`) })).toBeVisible();
    }
  });

  test("[admin] refuses a common password", async ({ page }) => {
    await page.goto("/users");
    const form = page.getByRole("form", { name: "Create user" });
    await form.getByLabel("New username").fill("weak1");
    await form.getByLabel("Initial password").fill("Password123");
    await form.getByRole("button", { name: "Create user" }).click();
    await expect(form.getByText("This password is too common. Choose a less predictable one.").first()).toBeVisible();
  });

  test("[admin] disabling a user ends their session", async ({ page, browser }) => {
    await createAccount(browser, "disable1", "operator", "disable1-E2e-passw0rd");
    // Explicitly empty: inside this describe, newContext() would inherit the admin's storage state.
    const other = await browser.newContext({ storageState: { cookies: [], origins: [] } });
    const theirs = await other.newPage();
    await submitLogin(theirs, "disable1", "disable1-E2e-passw0rd");
    await expect(theirs).toHaveURL(/\/c\/\d+-[^/?#]+$/);

    await page.goto("/users");
    await page.getByRole("button", { name: "Disable for disable1" }).click();
    await expect(page.getByText("disable1 is now disabled.")).toBeVisible();

    await theirs.goto("/account");
    await expect(theirs).toHaveURL(/\/login$/);
    await submitLogin(theirs, "disable1", "disable1-E2e-passw0rd");
    await expect(alert(theirs)).toHaveText("Invalid username or password.");
    await other.close();
  });

  test("[admin] the audit log lists logins and user changes and filters by action", async ({ page }) => {
    await page.goto("/audit?action=user.create");
    const rows = page.getByRole("table").getByRole("row");
    await expect(rows.nth(1)).toContainText("user.create");
    await expect(page.getByRole("table")).not.toContainText("auth.login");
    await page.getByLabel("Action").fill("auth.login");
    await page.getByRole("button", { name: "Filter" }).click();
    await expect(page).toHaveURL(/action=auth\.login/);
    await expect(page.getByRole("table")).toContainText("auth.login");
  });
});

test("[viewer] changes their own password; the old one stops working", async ({ browser }) => {
  await createAccount(browser, "account1", "viewer", "account1-E2e-passw0rd");
  const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const page = await context.newPage();
  await submitLogin(page, "account1", "account1-E2e-passw0rd");
  await expect(page).toHaveURL(/\/c\/\d+-[^/?#]+$/);
  await page.goto("/account");
  await page.getByLabel("Current password").fill("account1-E2e-passw0rd");
  await page.getByLabel("New password", { exact: true }).fill("account1-Second-passw0rd");
  await page.getByLabel("Confirm new password").fill("account1-Second-passw0rd");
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page.getByRole("status")).toHaveText("Password changed. Other sessions were signed out.");
  await page.reload();
  await expect(page).toHaveURL(/\/account$/);
  await page.getByRole("button", { name: "Sign out" }).click();
  await submitLogin(page, "account1", "account1-E2e-passw0rd");
  await expect(alert(page)).toHaveText("Invalid username or password.");
  await submitLogin(page, "account1", "account1-Second-passw0rd");
  await expect(page).toHaveURL(/\/c\/\d+-[^/?#]+$/);
  await context.close();
});
