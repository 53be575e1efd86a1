import { execFileSync } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, renameSync } from "node:fs";
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

const databaseUrl = (database: string) => {
  const url = new URL(testPostgresUrl()!);
  url.pathname = `/${database}`;
  return url.toString();
};

/** A new PostgreSQL database on the test server, empty or a copy of `template`; returns its URL. */
export async function createPostgresDatabase(name: string, template?: string): Promise<string> {
  const database = `lvs_${name.replace(/[^a-z0-9_]/gi, "_").toLowerCase()}_${randomBytes(4).toString("hex")}`;
  const client = new pg.Client({ connectionString: testPostgresUrl() });
  await client.connect();
  try {
    await client.query(`CREATE DATABASE "${database}"${template ? ` TEMPLATE "${template}"` : ""}`);
  } finally {
    await client.end();
  }
  return databaseUrl(database);
}

const migrate = (url: string) =>
  execFileSync(
    process.execPath,
    ["--experimental-wasm-modules", "--disable-warning=ExperimentalWarning", path.join(root, "scripts/migrate.mjs")],
    { cwd: root, env: { ...process.env, DATABASE_URL: url }, stdio: "pipe" },
  );

// Migrating takes seconds on PostgreSQL, so each test database is a copy of one
// migrated template per set of migrations (named by their checksum).
function migrationsChecksum(folder: string): string {
  const dir = path.join(root, folder);
  const sum = createHash("sha256");
  for (const m of readdirSync(dir, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort()) {
    sum.update(m).update(readFileSync(path.join(dir, m, "migration.sql")));
  }
  return sum.digest("hex").slice(0, 16);
}

// Likewise for SQLite: a migrated file per set of migrations, copied for each
// test database (migrating takes seconds; the mutation run starts test files often).
function sqliteTemplate(): string {
  const template = path.join(tmpdir(), `lvs-console-template-${migrationsChecksum("prisma/migrations")}.db`);
  if (!existsSync(template)) {
    const scratch = path.join(mkdtempSync(path.join(tmpdir(), "lvs-console-")), "template.db");
    migrate(`file:${scratch}`);
    renameSync(scratch, template);
  }
  return template;
}

async function migratedTemplate(): Promise<string> {
  const template = `lvs_template_${migrationsChecksum("prisma/migrations-postgresql")}`;
  const client = new pg.Client({ connectionString: testPostgresUrl() });
  await client.connect();
  try {
    if ((await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [template])).rowCount === 0) {
      const scratch = await createPostgresDatabase("template");
      migrate(scratch);
      await client.query(`ALTER DATABASE "${new URL(scratch).pathname.slice(1)}" RENAME TO "${template}"`);
    }
  } finally {
    await client.end();
  }
  return template;
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
    url = await createPostgresDatabase(name, await migratedTemplate());
  } else {
    const dir = mkdtempSync(path.join(tmpdir(), "lvs-console-"));
    file = path.join(dir, `${name}.db`);
    url = `file:${file}`;
    copyFileSync(sqliteTemplate(), file);
  }
  process.env.DATABASE_URL = url;
  return { url, file };
}
