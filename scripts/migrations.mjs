// Offline migrations through Prisma's schema engine compiled to WebAssembly,
// driven by the better-sqlite3 adapter for SQLite and the pg adapter for
// PostgreSQL (DESIGN.md §7). Each provider has its own migrations folder
// (scripts/database-providers.mjs). Needs Node's --experimental-wasm-modules on
// Node 20, so it always runs as its own process.
import { randomUUID } from "node:crypto";
import { chmodSync, closeSync, existsSync, mkdirSync, openSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { SchemaEngine } from "@prisma/schema-engine-wasm";
import { bindMigrationAwareSqlAdapterFactory } from "@prisma/driver-adapter-utils";
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import Database from "better-sqlite3";
import pg from "pg";
import pgConnectionString from "pg-connection-string";
import { PROVIDERS, providerOf, redactUrl, root, schemaText } from "./database-providers.mjs";

const filters = { externalTables: [], externalEnums: [] };

/** The SQLite file a DATABASE_URL names, resolved against the repository root. */
export function sqlitePath(url) {
  if (!url.startsWith("file:")) throw new Error(`DATABASE_URL must be a file: URL for SQLite, got "${redactUrl(url)}"`);
  const p = url.slice("file:".length);
  return path.isAbsolute(p) ? p : path.resolve(root, p);
}

/** What a DATABASE_URL names, for messages: the SQLite file or the redacted PostgreSQL URL. */
export function describeDatabase(url) {
  return providerOf(url) === "sqlite" ? sqlitePath(url) : redactUrl(url);
}

/** Reads a provider's migrations folder into the engine's MigrationList shape. */
export function loadMigrations(provider) {
  const dir = PROVIDERS[provider].migrationsDir;
  const dirs = existsSync(dir)
    ? readdirSync(dir, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort()
    : [];
  const lockPath = path.join(dir, "migration_lock.toml");
  return {
    baseDir: dir,
    lockfile: { path: "migration_lock.toml", content: existsSync(lockPath) ? readFileSync(lockPath, "utf8") : null },
    shadowDbInitScript: "",
    migrationDirectories: dirs.map((name) => ({
      path: name,
      migrationFile: {
        path: "migration.sql",
        content: { tag: "ok", value: readFileSync(path.join(dir, name, "migration.sql"), "utf8") },
      },
    })),
  };
}

// SQLite: the engine replays each migration file on the shadow database as one
// multi-statement executeRaw, which better-sqlite3 refuses; route those to
// executeScript. PostgreSQL: the pg adapter's executeScript splits scripts at
// every ";", which cuts PL/pgSQL function bodies apart; send the script whole
// (pg's simple query protocol runs several statements in one call).
function scriptTolerant(adapter, provider) {
  return new Proxy(adapter, {
    get(target, prop, receiver) {
      if (provider === "sqlite" && prop === "executeRaw") {
        return (query) =>
          query.args.length === 0 ? target.executeScript(query.sql).then(() => 0) : target.executeRaw(query);
      }
      if (provider === "postgresql" && prop === "executeScript") {
        return async (script) => {
          await target.underlyingDriver().query(script);
        };
      }
      const value = Reflect.get(target, prop, receiver);
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
}

class SqliteFactory extends PrismaBetterSqlite3 {
  async connectToShadowDb() {
    return scriptTolerant(await super.connectToShadowDb(), "sqlite");
  }
}

// The engine reads PostgreSQL's catalogs, whose one-byte `"char"` columns
// (oid 18) the pg adapter has no column type for; in this process only, they
// are read as text (oid 25), which is what they hold.
const PG_CHAR = 18;
const PG_TEXT = 25;
const addFields = pg.Result.prototype.addFields;
pg.Result.prototype.addFields = function addFieldsCharAsText(fields) {
  return addFields.call(this, fields.map((f) => (f.dataTypeID === PG_CHAR ? { ...f, dataTypeID: PG_TEXT } : f)));
};

// Built from the URL's parts, not { connectionString }: a connection string
// would override the shadow database's name and replay the migrations on the
// real database. The shadow database is dropped after its pool has ended (the
// adapter's own order leaves it "being accessed by other users").
class PostgresFactory extends PrismaPg {
  async connect() {
    return scriptTolerant(await super.connect(), "postgresql");
  }
  async connectToShadowDb() {
    const main = await this.connect();
    const database = `prisma_migrate_shadow_db_${randomUUID()}`;
    await main.executeScript(`CREATE DATABASE "${database}"`);
    const shadow = await new PrismaPg({ ...this.config, database }).connect();
    const dispose = async () => {
      try {
        await shadow.dispose();
        await main.executeScript(`DROP DATABASE IF EXISTS "${database}"`);
      } finally {
        await main.dispose();
      }
    };
    return scriptTolerant(new Proxy(shadow, { get: (t, p, r) => (p === "dispose" ? dispose : Reflect.get(t, p, r)) }), "postgresql");
  }
}

async function openEngine(provider, url) {
  const schemaFile = PROVIDERS[provider].schemaFile;
  const adapter = provider === "sqlite" ? new SqliteFactory({ url }) : new PostgresFactory(pgConnectionString.parse(url));
  const log = () => {};
  const engine = await SchemaEngine.new({ datamodels: [[schemaFile, schemaText(provider)]] }, log, bindMigrationAwareSqlAdapterFactory(adapter));
  return { engine, schemaFile };
}

/** Applies every pending migration of the database `url` names (SQLite file or PostgreSQL); returns their names. */
export async function applyMigrations(url) {
  const provider = providerOf(url);
  let target = url;
  if (provider === "sqlite") {
    const file = sqlitePath(url);
    restrictDatabaseFiles(file);
    useWriteAheadLog(file);
    restrictDatabaseFiles(file);
    target = `file:${file}`;
  }
  const { engine } = await openEngine(provider, target);
  try {
    const out = await engine.applyMigrations({ migrationsList: loadMigrations(provider), filters });
    return out.appliedMigrationNames;
  } finally {
    engine.free();
  }
}

// The database holds password hashes and session ids: only the console's own
// user may read it. A directory this creates is 0700 (an existing one is left
// as it is: it may be shared); the database and its -wal/-shm files are 0600,
// tightened on every start in case an older release created them 0644.
function restrictDatabaseFiles(file) {
  mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  closeSync(openSync(file, "a", 0o600));
  for (const f of [file, `${file}-wal`, `${file}-shm`]) {
    if (existsSync(f)) chmodSync(f, 0o600);
  }
}

// WAL lets readers go on while one writer commits; the mode is stored in the
// file, so setting it once here covers every later connection.
function useWriteAheadLog(file) {
  const db = new Database(file);
  try {
    db.pragma("journal_mode = WAL");
  } finally {
    db.close();
  }
}

/**
 * Diffs a provider's migrations against schema.prisma: exit code 0 when they
 * agree, 2 plus the missing SQL when not. SQLite replays them in memory;
 * PostgreSQL needs a server (`serverUrl`) to create its shadow database on.
 */
export async function diffMigrationsToSchema(provider, serverUrl) {
  const { engine, schemaFile } = await openEngine(provider, provider === "sqlite" ? "file::memory:" : serverUrl);
  try {
    const result = await engine.diff({
      from: { tag: "migrations", ...loadMigrations(provider) },
      to: { tag: "schemaDatamodel", files: [{ path: schemaFile, content: schemaText(provider) }] },
      script: true,
      exitCode: true,
      filters,
    });
    return { exitCode: result.exitCode, sql: result.stdout ?? "" };
  } finally {
    engine.free();
  }
}

/** Writes the SQL that brings a provider's migrations up to schema.prisma as a new migration; null when nothing is missing. */
export async function createMigration(name, provider, serverUrl, stamp = migrationStamp()) {
  if (!/^[a-z0-9_]{1,60}$/.test(name)) throw new Error("migration name: use a-z, 0-9 and _ (at most 60)");
  const { exitCode, sql } = await diffMigrationsToSchema(provider, serverUrl);
  if (exitCode === 0) return null;
  const { migrationsDir } = PROVIDERS[provider];
  const dir = path.join(migrationsDir, `${stamp}_${name}`);
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, "migration.sql"), sql);
  const lock = path.join(migrationsDir, "migration_lock.toml");
  if (!existsSync(lock)) writeFileSync(lock, `# Please do not edit this file manually\nprovider = "${provider}"\n`);
  return dir;
}

/** The timestamp prefix of a new migration's folder (UTC, to the second). */
export function migrationStamp(now = new Date()) {
  return now.toISOString().replace(/[-:T]/g, "").slice(0, 14);
}
