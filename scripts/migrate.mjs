// Database migrations, offline, for SQLite and PostgreSQL. Usage:
//   node --experimental-wasm-modules scripts/migrate.mjs                 apply pending migrations to DATABASE_URL
//   node --experimental-wasm-modules scripts/migrate.mjs --check         exit 0 when both providers' migrations match schema.prisma, 2 otherwise
//   node --experimental-wasm-modules scripts/migrate.mjs --create NAME   write the missing migration for each provider
// --check and --create diff PostgreSQL's migrations on a shadow database: on
// MIGRATE_POSTGRES_URL's server when set (its user needs CREATEDB), else on a
// throwaway server (scripts/temp-postgres.mjs).
import { applyMigrations, createMigration, describeDatabase, diffMigrationsToSchema, migrationStamp } from "./migrations.mjs";
import { havePostgres, startTempPostgres, stopTempPostgres } from "./temp-postgres.mjs";

const DEFAULT_URL = "file:./data/lvs-console.db";
const PROVIDER_NAMES = { sqlite: "prisma/migrations", postgresql: "prisma/migrations-postgresql" };
const [mode, arg] = process.argv.slice(2);

// Runs `work` for each provider with the server URL PostgreSQL's shadow databases need.
async function forEachProvider(work) {
  let temp = null;
  let serverUrl = process.env.MIGRATE_POSTGRES_URL || null;
  if (!serverUrl) {
    if (!havePostgres()) {
      throw new Error("PostgreSQL's migrations are diffed on a shadow database: install Debian's postgresql (initdb) or set MIGRATE_POSTGRES_URL to a server whose user may CREATE DATABASE");
    }
    temp = await startTempPostgres();
    serverUrl = temp.url;
  }
  try {
    const results = [];
    for (const provider of ["sqlite", "postgresql"]) results.push([provider, await work(provider, serverUrl)]);
    return results;
  } finally {
    if (temp) stopTempPostgres(temp.dir);
  }
}

try {
  if (mode === "--check") {
    const results = await forEachProvider((provider, serverUrl) => diffMigrationsToSchema(provider, serverUrl));
    let exitCode = 0;
    for (const [provider, r] of results) {
      if (r.exitCode === 0) {
        console.log(`${PROVIDER_NAMES[provider]} match schema.prisma`);
      } else {
        exitCode = r.exitCode;
        console.error(`${PROVIDER_NAMES[provider]} and prisma/schema.prisma disagree; the missing ${provider} migration is:\n${r.sql}`);
      }
    }
    if (exitCode !== 0) console.error("Write them with: npm run db:migrate -- --create <name>");
    process.exit(exitCode);
  } else if (mode === "--create") {
    const stamp = migrationStamp();
    const results = await forEachProvider((provider, serverUrl) => createMigration(arg ?? "", provider, serverUrl, stamp));
    for (const [provider, dir] of results) {
      console.log(dir ? `wrote ${dir}/migration.sql` : `no change: ${PROVIDER_NAMES[provider]} already match schema.prisma`);
    }
  } else if (mode === undefined) {
    const url = process.env.DATABASE_URL || DEFAULT_URL;
    const applied = await applyMigrations(url);
    console.log(
      applied.length
        ? `migrated ${describeDatabase(url)}: ${applied.join(", ")}`
        : `database ${describeDatabase(url)} is up to date`,
    );
  } else {
    console.error(`unknown option ${mode}; use --check or --create NAME`);
    process.exit(64);
  }
} catch (error) {
  console.error(`migration failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
