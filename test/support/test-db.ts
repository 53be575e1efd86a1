import { execFileSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("../..", import.meta.url));

/**
 * Creates a fresh, fully migrated SQLite database in a temporary directory and
 * points DATABASE_URL at it. Call it before importing any lib/server module
 * (env() and the Prisma client read DATABASE_URL once), e.g.
 *   const { file } = await createTestDatabase();
 *   const { db } = await import("@/lib/server/db");
 */
export async function createTestDatabase(name = "test"): Promise<{ url: string; file: string }> {
  const dir = mkdtempSync(path.join(tmpdir(), "lvs-console-"));
  const file = path.join(dir, `${name}.db`);
  const url = `file:${file}`;
  execFileSync(
    process.execPath,
    ["--experimental-wasm-modules", "--disable-warning=ExperimentalWarning", path.join(root, "scripts/migrate.mjs")],
    { cwd: root, env: { ...process.env, DATABASE_URL: url }, stdio: "pipe" },
  );
  process.env.DATABASE_URL = url;
  return { url, file };
}
