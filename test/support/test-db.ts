import { execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";

const root = fileURLToPath(new URL("../..", import.meta.url));

/**
 * The PostgreSQL server the integration suite runs against, when it does:
 * scripts/test.sh starts a throwaway one and sets TEST_POSTGRES_URL (a URL of
 * its administrative database, whose user may CREATE DATABASE). Unset: SQLite.
 */
export const testPostgresUrl = (): string | undefined => process.env.TEST_POSTGRES_URL || undefined;

/** Which database the integration tests run on. */
export const testProvider = (): "sqlite" | "postgresql" => (testPostgresUrl() ? "postgresql" : "sqlite");

/** A new, empty PostgreSQL database on the test server; returns its URL. */
export async function createPostgresDatabase(name: string): Promise<string> {
  const admin = new URL(testPostgresUrl()!);
  const database = `lvs_${name.replace(/[^a-z0-9_]/gi, "_").toLowerCase()}_${randomBytes(4).toString("hex")}`;
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    await client.query(`CREATE DATABASE "${database}"`);
  } finally {
    await client.end();
  }
  admin.pathname = `/${database}`;
  return admin.toString();
}

/**
 * Creates a fresh, fully migrated database and points DATABASE_URL at it: a
 * SQLite file in a temporary directory, or a new database on the test
 * PostgreSQL server when TEST_POSTGRES_URL is set (`file` is then null). Call
 * it before importing any lib/server module (env() and the Prisma client read
 * DATABASE_URL once), e.g.
 *   await createTestDatabase();
 *   const { db } = await import("@/lib/server/db");
 */
export async function createTestDatabase(name = "test"): Promise<{ url: string; file: string | null }> {
  let url: string;
  let file: string | null = null;
  if (testPostgresUrl()) {
    url = await createPostgresDatabase(name);
  } else {
    const dir = mkdtempSync(path.join(tmpdir(), "lvs-console-"));
    file = path.join(dir, `${name}.db`);
    url = `file:${file}`;
  }
  execFileSync(
    process.execPath,
    ["--experimental-wasm-modules", "--disable-warning=ExperimentalWarning", path.join(root, "scripts/migrate.mjs")],
    { cwd: root, env: { ...process.env, DATABASE_URL: url }, stdio: "pipe" },
  );
  process.env.DATABASE_URL = url;
  return { url, file };
}
