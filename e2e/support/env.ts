import { execFileSync } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";

/** Where the end-to-end server keeps its throwaway state. */
export const E2E_DIR = fileURLToPath(new URL("../../.tmp/e2e", import.meta.url));
export const E2E_DATABASE_FILE = path.join(E2E_DIR, "lvs-console.db");
export const E2E_STATE_DIR = path.join(E2E_DIR, "state");
export const E2E_PORT = resolveE2ePort();
export const E2E_BASE_URL = `http://localhost:${E2E_PORT}`;
export const E2E_ADMIN_USERNAME = "admin";
export const E2E_ADMIN_PASSWORD = "e2e-admin-Passw0rd!";

/** Saved login of each role, written by the setup project. */
export const stateFile = (role: "admin" | "operator" | "viewer") => path.join(E2E_STATE_DIR, `${role}.json`);

/**
 * The end-to-end server's port: E2E_PORT when set, otherwise a port free right
 * now, so a console already running on this machine does not break the suite.
 * The choice is written back to the environment so Playwright's workers, which
 * load this module again, agree with the runner.
 */
function resolveE2ePort(): number {
  const given = process.env.E2E_PORT;
  if (given !== undefined && given !== "") {
    const port = Number(given);
    if (!Number.isInteger(port) || port < 1 || port > 65535) {
      throw new Error(`E2E_PORT: got ${JSON.stringify(given)}; allowed: an integer 1-65535`);
    }
    return port;
  }
  const probe = "const s=require('net').createServer();s.listen(0,'127.0.0.1',()=>{process.stdout.write(String(s.address().port));s.close()})";
  const port = Number(execFileSync(process.execPath, ["-e", probe], { encoding: "utf8" }));
  process.env.E2E_PORT = String(port);
  return port;
}
