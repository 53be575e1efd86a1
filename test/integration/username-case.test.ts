import { readdirSync, readFileSync } from "node:fs";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { testProvider } from "../support/test-db";

// Issue 12 item 7: usernames are unique regardless of case, for every writer
// (a trigger keeps usernameKey = lower(username) under a unique index), and a
// database that already holds `admin` and `ADMIN` migrates by renaming the newer one.

const migrations = readdirSync("prisma/migrations").filter((d) => /^\d+_/.test(d)).sort();
const sql = (dir: string) => readFileSync(path.join("prisma/migrations", dir, "migration.sql"), "utf8");

function databaseBefore(last: string): Database.Database {
  const db = new Database(path.join(mkdtempSync(path.join(tmpdir(), "lvs-case-")), "case.db"));
  for (const dir of migrations) {
    if (dir >= last) break;
    db.exec(sql(dir));
  }
  return db;
}

const caseMigration = migrations.find((d) => d.endsWith("_security_roles_per_cluster"))!;
const insertUser = (db: Database.Database, username: string) =>
  db.prepare(`INSERT INTO "User" (username, passwordHash, role, updatedAt) VALUES (?, 'x', 'viewer', CURRENT_TIMESTAMP)`).run(username);

// SQLite's migration; migrations-postgresql.test.ts checks PostgreSQL's trigger.
describe.runIf(testProvider() === "sqlite")("case-insensitive usernames", () => {
  it("refuses ADMIN next to admin from any writer once migrated", () => {
    const db = databaseBefore("99999999");
    insertUser(db, "admin");
    expect(() => insertUser(db, "ADMIN")).toThrow(/UNIQUE constraint failed: User.usernameKey/);
    insertUser(db, "Operator");
    expect(() => db.prepare(`UPDATE "User" SET username = 'OPERATOR' WHERE username = 'admin'`).run()).toThrow(/UNIQUE/);
    expect(db.prepare(`SELECT username, usernameKey FROM "User" ORDER BY id`).all()).toEqual([
      { username: "admin", usernameKey: "admin" },
      { username: "Operator", usernameKey: "operator" },
    ]);
  });

  it("renames the newer of two names that differ only in case, and records it", () => {
    const db = databaseBefore(caseMigration);
    insertUser(db, "admin");
    insertUser(db, "ADMIN");
    insertUser(db, "Admin");
    insertUser(db, "bob");
    db.exec(sql(caseMigration));
    expect(db.prepare(`SELECT id, username, usernameKey FROM "User" ORDER BY id`).all()).toEqual([
      { id: 1, username: "admin", usernameKey: "admin" },
      { id: 2, username: "ADMIN-2", usernameKey: "admin-2" },
      { id: 3, username: "Admin-3", usernameKey: "admin-3" },
      { id: 4, username: "bob", usernameKey: "bob" },
    ]);
    const events = db.prepare(`SELECT action, targetId, detail FROM "AuditEvent" ORDER BY id`).all();
    expect(events).toEqual([
      { action: "user.rename", targetId: "2", detail: "usernames are now unique regardless of case; an older account is named admin" },
      { action: "user.rename", targetId: "3", detail: "usernames are now unique regardless of case; an older account is named admin" },
    ]);
  });
});
