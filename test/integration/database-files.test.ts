import { execFileSync } from "node:child_process";
import { chmodSync, mkdtempSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";

// Issue 12 item 16: the SQLite file holds password hashes; only its owner may read it.

const migrate = (file: string) =>
  execFileSync(process.execPath, ["--experimental-wasm-modules", "--disable-warning=ExperimentalWarning", "scripts/migrate.mjs"], {
    env: { ...process.env, DATABASE_URL: `file:${file}` }, stdio: "pipe",
  });
const mode = (f: string) => (statSync(f).mode & 0o777).toString(8);

describe("database file modes", () => {
  it("creates the data directory 0700 and the database and its WAL files 0600", () => {
    const dir = path.join(mkdtempSync(path.join(tmpdir(), "lvs-modes-")), "data", "nested");
    const file = path.join(dir, "console.db");
    migrate(file);
    expect(mode(dir)).toBe("700");
    expect(mode(path.dirname(dir))).toBe("700");
    expect(mode(file)).toBe("600");
    for (const extra of ["-wal", "-shm"]) {
      try {
        expect(mode(file + extra), extra).toBe("600");
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
      }
    }
  });

  it("tightens a database an older release left readable by everyone, and leaves a shared parent alone", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "lvs-modes-"));
    chmodSync(dir, 0o755);
    const file = path.join(dir, "console.db");
    migrate(file);
    chmodSync(file, 0o644);
    migrate(file);
    expect(mode(file)).toBe("600");
    expect(mode(dir)).toBe("755");
  });
});
