// Offline migrations through Prisma's schema engine compiled to WebAssembly,
// driven by the better-sqlite3 adapter (DESIGN.md §7). Needs Node's
// --experimental-wasm-modules on Node 20, so it always runs as its own process.
import { chmodSync, closeSync, existsSync, mkdirSync, openSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { SchemaEngine } from "@prisma/schema-engine-wasm";
import { bindMigrationAwareSqlAdapterFactory } from "@prisma/driver-adapter-utils";
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import Database from "better-sqlite3";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
export const schemaPath = path.join(root, "prisma", "schema.prisma");
export const migrationsDir = path.join(root, "prisma", "migrations");
const filters = { externalTables: [], externalEnums: [] };

/** The SQLite file a DATABASE_URL names, resolved against the repository root. */
export function sqlitePath(url) {
  if (!url.startsWith("file:")) throw new Error(`DATABASE_URL must be a file: URL for SQLite, got "${url}"`);
  const p = url.slice("file:".length);
  return path.isAbsolute(p) ? p : path.resolve(root, p);
}

/** Reads prisma/migrations into the engine's MigrationList shape. */
export function loadMigrations() {
  const dirs = existsSync(migrationsDir)
    ? readdirSync(migrationsDir, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort()
    : [];
  const lockPath = path.join(migrationsDir, "migration_lock.toml");
  return {
    baseDir: migrationsDir,
    lockfile: { path: "migration_lock.toml", content: existsSync(lockPath) ? readFileSync(lockPath, "utf8") : null },
    shadowDbInitScript: "",
    migrationDirectories: dirs.map((name) => ({
      path: name,
      migrationFile: {
        path: "migration.sql",
        content: { tag: "ok", value: readFileSync(path.join(migrationsDir, name, "migration.sql"), "utf8") },
      },
    })),
  };
}

// The engine replays each migration file on the shadow database as one
// multi-statement executeRaw, which better-sqlite3 refuses; route those to
// executeScript instead.
function scriptTolerant(adapter) {
  return new Proxy(adapter, {
    get(target, prop, receiver) {
      if (prop === "executeRaw") {
        return (query) =>
          query.args.length === 0 ? target.executeScript(query.sql).then(() => 0) : target.executeRaw(query);
      }
      const value = Reflect.get(target, prop, receiver);
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
}

class ShadowTolerantFactory extends PrismaBetterSqlite3 {
  async connectToShadowDb() {
    return scriptTolerant(await super.connectToShadowDb());
  }
}

async function openEngine(url) {
  const schema = readFileSync(schemaPath, "utf8");
  const factory = bindMigrationAwareSqlAdapterFactory(new ShadowTolerantFactory({ url }));
  const log = () => {};
  return SchemaEngine.new({ datamodels: [[schemaPath, schema]] }, log, factory);
}

/** Applies every pending migration to the SQLite database at `url`; returns their names. */
export async function applyMigrations(url) {
  const file = sqlitePath(url);
  restrictDatabaseFiles(file);
  useWriteAheadLog(file);
  restrictDatabaseFiles(file);
  const engine = await openEngine(`file:${file}`);
  try {
    const out = await engine.applyMigrations({ migrationsList: loadMigrations(), filters });
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

/** Diffs the migrations against schema.prisma: exit code 0 when they agree, 2 plus the missing SQL when not. */
export async function diffMigrationsToSchema() {
  const engine = await openEngine("file::memory:");
  try {
    const schema = readFileSync(schemaPath, "utf8");
    const result = await engine.diff({
      from: { tag: "migrations", ...loadMigrations() },
      to: { tag: "schemaDatamodel", files: [{ path: schemaPath, content: schema }] },
      script: true,
      exitCode: true,
      filters,
    });
    return { exitCode: result.exitCode, sql: result.stdout ?? "" };
  } finally {
    engine.free();
  }
}

/** Writes the SQL that brings the migrations up to schema.prisma as a new migration. */
export async function createMigration(name) {
  if (!/^[a-z0-9_]{1,60}$/.test(name)) throw new Error("migration name: use a-z, 0-9 and _ (at most 60)");
  const { exitCode, sql } = await diffMigrationsToSchema();
  if (exitCode === 0) return null;
  const stamp = new Date().toISOString().replace(/[-:T]/g, "").slice(0, 14);
  const dir = path.join(migrationsDir, `${stamp}_${name}`);
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, "migration.sql"), sql);
  const lock = path.join(migrationsDir, "migration_lock.toml");
  if (!existsSync(lock)) writeFileSync(lock, '# Please do not edit this file manually\nprovider = "sqlite"\n');
  return dir;
}
