// Database migrations, offline. Usage:
//   node --experimental-wasm-modules scripts/migrate.mjs            apply pending migrations
//   node --experimental-wasm-modules scripts/migrate.mjs --check    exit 0 when migrations match schema.prisma, 2 otherwise
//   node --experimental-wasm-modules scripts/migrate.mjs --create NAME   write the missing migration
import { applyMigrations, createMigration, diffMigrationsToSchema, sqlitePath } from "./migrations.mjs";

const DEFAULT_URL = "file:./data/lvs-console.db";
const [mode, arg] = process.argv.slice(2);

try {
  if (mode === "--check") {
    const { exitCode, sql } = await diffMigrationsToSchema();
    if (exitCode !== 0) {
      console.error("prisma/migrations and prisma/schema.prisma disagree; the missing migration is:\n" + sql);
      console.error("Write it with: npm run db:migrate -- --create <name>");
    } else {
      console.log("migrations match schema.prisma");
    }
    process.exit(exitCode);
  } else if (mode === "--create") {
    const dir = await createMigration(arg ?? "");
    console.log(dir ? `wrote ${dir}/migration.sql` : "no change: migrations already match schema.prisma");
  } else if (mode === undefined) {
    const url = process.env.DATABASE_URL || DEFAULT_URL;
    const applied = await applyMigrations(url);
    console.log(
      applied.length
        ? `migrated ${sqlitePath(url)}: ${applied.join(", ")}`
        : `database ${sqlitePath(url)} is up to date`,
    );
  } else {
    console.error(`unknown option ${mode}; use --check or --create NAME`);
    process.exit(64);
  }
} catch (error) {
  console.error(`migration failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
