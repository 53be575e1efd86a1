// Shared set-up for the panels' data-layer tests: a migrated SQLite file and a
// signed-in user whose role each test chooses (the real session is tested end to end).
import { spawnSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

/** Creates and migrates a throwaway database and points DATABASE_URL at it; returns the file. */
export function migrateTempDatabase(): string {
  const dir = mkdtempSync(path.join(tmpdir(), "lvs-panels-"));
  const file = path.join(dir, "console.db");
  const r = spawnSync(
    process.execPath,
    ["--experimental-wasm-modules", "--disable-warning=ExperimentalWarning", "scripts/migrate.mjs"],
    { encoding: "utf8", env: { ...process.env, DATABASE_URL: `file:${file}` } },
  );
  if (r.status !== 0) throw new Error(`migration failed: ${r.stderr}`);
  process.env.DATABASE_URL = `file:${file}`;
  return file;
}
