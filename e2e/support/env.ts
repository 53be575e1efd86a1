import path from "node:path";
import { fileURLToPath } from "node:url";

/** Where the end-to-end server keeps its throwaway state. */
export const E2E_DIR = fileURLToPath(new URL("../../.tmp/e2e", import.meta.url));
export const E2E_DATABASE_FILE = path.join(E2E_DIR, "lvs-console.db");
export const E2E_STATE_DIR = path.join(E2E_DIR, "state");
export const E2E_PORT = 3100;
export const E2E_BASE_URL = `http://localhost:${E2E_PORT}`;
export const E2E_ADMIN_USERNAME = "admin";
export const E2E_ADMIN_PASSWORD = "e2e-admin-Passw0rd!";

/** Saved login of each role, written by the setup project. */
export const stateFile = (role: "admin" | "operator" | "viewer") => path.join(E2E_STATE_DIR, `${role}.json`);
