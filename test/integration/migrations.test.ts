import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";
import { testProvider } from "../support/test-db";

const migrate = (args: string[], env: Record<string, string> = {}) =>
  spawnSync(
    process.execPath,
    ["--experimental-wasm-modules", "--disable-warning=ExperimentalWarning", "scripts/migrate.mjs", ...args],
    { encoding: "utf8", env: { ...process.env, ...env } },
  );

// SQLite's own migrations; migrations-postgresql.test.ts checks PostgreSQL's
// when the suite runs against it (scripts/test.sh runs it against both).
describe.runIf(testProvider() === "sqlite")("database migrations", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "lvs-migrate-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("prisma/migrations and prisma/migrations-postgresql produce exactly schema.prisma (the schema engine's diffs are empty)", () => {
    const r = migrate(["--check"]);
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    expect(r.stdout).toContain("prisma/migrations match schema.prisma");
    expect(r.stdout).toContain("prisma/migrations-postgresql match schema.prisma");
  });

  it("applies offline to a new SQLite file in WAL mode, then finds nothing left to apply", () => {
    const file = path.join(dir, "nested", "console.db");
    const first = migrate([], { DATABASE_URL: `file:${file}` });
    expect(first.status, first.stderr).toBe(0);
    expect(first.stdout).toMatch(/migrated .*_init/);

    const second = migrate([], { DATABASE_URL: `file:${file}` });
    expect(second.status, second.stderr).toBe(0);
    expect(second.stdout).toContain("is up to date");

    const db = new Database(file, { readonly: true });
    try {
      expect(db.pragma("journal_mode", { simple: true })).toBe("wal");
      const tables = db
        .prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
        .all()
        .map((row) => (row as { name: string }).name);
      expect(tables).toEqual(
        expect.arrayContaining(["Cluster", "FirewallMarkBundle", "VirtualServer", "RealServer", "User", "Session",
          "Export", "AuditEvent", "_prisma_migrations"]),
      );
      const applied = db.prepare("SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL").all();
      expect(applied.length).toBeGreaterThanOrEqual(2);
    } finally {
      db.close();
    }
  });

  it("makes the audit trail append-only in the database itself", () => {
    const file = path.join(dir, "audit.db");
    expect(migrate([], { DATABASE_URL: `file:${file}` }).status).toBe(0);
    const db = new Database(file);
    try {
      db.prepare("INSERT INTO AuditEvent (actorName, action) VALUES ('tester', 'probe')").run();
      expect(() => db.prepare("UPDATE AuditEvent SET action = 'rewritten'").run()).toThrow("append-only");
      expect(() => db.prepare("DELETE FROM AuditEvent").run()).toThrow("append-only");
      expect(db.prepare("SELECT action FROM AuditEvent").all()).toEqual([{ action: "probe" }]);
    } finally {
      db.close();
    }
  });

  it("refuses a DATABASE_URL of another kind, naming the variable and both allowed forms", () => {
    const r = migrate([], { DATABASE_URL: "mysql://root:secret@localhost/x" });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain("DATABASE_URL must be a file: URL for SQLite");
    expect(r.stderr).toContain("postgresql://USER:PASSWORD@HOST:PORT/DATABASE");
    expect(r.stderr).not.toContain("secret");
  });
});
