import type { Locator, Page } from "@playwright/test";
import { E2E_ADMIN_PASSWORD, E2E_ADMIN_USERNAME, stateFile } from "../support/env";

export type E2eRole = "admin" | "operator" | "viewer";

/** The account of each role the setup project signs in as; its storageState lands in stateFile(role). */
export const ACCOUNTS: Record<E2eRole, { username: string; password: string; state: string }> = {
  admin: { username: E2E_ADMIN_USERNAME, password: E2E_ADMIN_PASSWORD, state: stateFile("admin") },
  operator: { username: "operator1", password: "operator1-E2e-passw0rd", state: stateFile("operator") },
  viewer: { username: "viewer1", password: "viewer1-E2e-passw0rd", state: stateFile("viewer") },
};

/** Fills and submits the login form; callers assert where it leads. */
export async function submitLogin(page: Page, username: string, password: string): Promise<void> {
  await page.goto("/login");
  await page.getByLabel("Username").fill(username);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

/** Fills and submits the users page's create form (as an admin); returns the form for the caller's checks. */
export async function submitCreateUser(page: Page, username: string, role: string, password: string): Promise<Locator> {
  await page.goto("/users");
  const form = page.getByRole("form", { name: "Create user" });
  await form.getByLabel("New username").fill(username);
  await form.getByLabel("Role").selectOption(role);
  await form.getByLabel("Initial password").fill(password);
  await form.getByRole("button", { name: "Create user" }).click();
  return form;
}
