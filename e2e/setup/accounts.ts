import { E2E_ADMIN_PASSWORD, E2E_ADMIN_USERNAME, stateFile } from "../support/env";

export type E2eRole = "admin" | "operator" | "viewer";

/** The account of each role the setup project signs in as; its storageState lands in stateFile(role). */
export const ACCOUNTS: Record<E2eRole, { username: string; password: string; state: string }> = {
  admin: { username: E2E_ADMIN_USERNAME, password: E2E_ADMIN_PASSWORD, state: stateFile("admin") },
  operator: { username: "operator1", password: "operator1-E2e-passw0rd", state: stateFile("operator") },
  viewer: { username: "viewer1", password: "viewer1-E2e-passw0rd", state: stateFile("viewer") },
};
