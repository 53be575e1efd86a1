import { spawnSync } from "node:child_process";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPostgresDatabase, testProvider } from "../support/test-db";

// PostgreSQL's migrations (prisma/migrations-postgresql) on a fresh database of
// the test server; migrations.test.ts and username-case.test.ts check SQLite's.

const migrate = (url: string) =>
  spawnSync(
    process.execPath,
    ["--experimental-wasm-modules", "--disable-warning=ExperimentalWarning", "scripts/migrate.mjs"],
    { encoding: "utf8", env: { ...process.env, DATABASE_URL: url } },
  );

describe.runIf(testProvider() === "postgresql")("PostgreSQL migrations", () => {
  let url = "";
  let client: pg.Client;
  beforeAll(async () => {
    url = await createPostgresDatabase("migrations");
  });
  afterAll(async () => {
    await client?.end();
  });

  it("apply offline to a new database, then find nothing left to apply", async () => {
    const first = migrate(url);
    expect(first.status, first.stderr).toBe(0);
    expect(first.stdout).toMatch(/migrated postgresql:\/\/.*_init, .*_audit_append_only, .*_username_case_insensitive/);
    const second = migrate(url);
    expect(second.status, second.stderr).toBe(0);
    expect(second.stdout).toContain("is up to date");

    client = new pg.Client({ connectionString: url });
    await client.connect();
    const tables = (await client.query("SELECT tablename FROM pg_tables WHERE schemaname = 'public'")).rows.map((r) => r.tablename);
    expect(tables).toEqual(expect.arrayContaining(["Cluster", "FirewallMarkBundle", "VirtualServer", "RealServer", "User",
      "Session", "Export", "AuditEvent", "ClusterGrant", "LoginFailure", "_prisma_migrations"]));
    const applied = await client.query("SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL");
    expect(applied.rowCount).toBeGreaterThanOrEqual(3);
  });

  it("make the audit trail append-only in the database itself (update, delete, truncate)", async () => {
    await client.query(`INSERT INTO "AuditEvent" ("actorName", "action") VALUES ('tester', 'probe')`);
    await expect(client.query(`UPDATE "AuditEvent" SET "action" = 'rewritten'`)).rejects.toThrow("append-only");
    await expect(client.query(`DELETE FROM "AuditEvent"`)).rejects.toThrow("append-only");
    await expect(client.query(`TRUNCATE "AuditEvent"`)).rejects.toThrow("append-only");
    expect((await client.query(`SELECT "action" FROM "AuditEvent"`)).rows).toEqual([{ action: "probe" }]);
  });

  it("refuse ADMIN next to admin from any writer, on insert and on rename", async () => {
    const insert = (name: string) =>
      client.query(`INSERT INTO "User" ("username", "passwordHash", "role", "updatedAt") VALUES ($1, 'x', 'viewer', now())`, [name]);
    await insert("admin");
    await expect(insert("ADMIN")).rejects.toThrow(/User_usernameKey_key/);
    await insert("Operator");
    await expect(client.query(`UPDATE "User" SET "username" = 'OPERATOR' WHERE "username" = 'admin'`)).rejects.toThrow(/User_usernameKey_key/);
    await expect(client.query(`UPDATE "User" SET "usernameKey" = 'forged' WHERE "username" = 'admin'`)).resolves.toBeTruthy();
    expect((await client.query(`SELECT "username", "usernameKey" FROM "User" ORDER BY "id"`)).rows).toEqual([
      { username: "admin", usernameKey: "admin" },
      { username: "Operator", usernameKey: "operator" },
    ]);
  });
});
