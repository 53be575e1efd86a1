// The two databases the console runs on, and how each is derived from the one
// source of truth, prisma/schema.prisma (written for SQLite): PostgreSQL's
// schema is the same text with the datasource provider and the client's output
// swapped, never edited by hand.
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
export const schemaPath = path.join(root, "prisma", "schema.prisma");

/** Per provider: its migrations folder, the generated client's folder and the twin schema's path. */
export const PROVIDERS = {
  sqlite: {
    migrationsDir: path.join(root, "prisma", "migrations"),
    schemaFile: schemaPath,
  },
  postgresql: {
    migrationsDir: path.join(root, "prisma", "migrations-postgresql"),
    schemaFile: path.join(root, "lib", "generated", "postgresql", "schema.prisma"),
  },
};

/** Which provider a DATABASE_URL selects: file: → sqlite, postgres:// or postgresql:// → postgresql. */
export function providerOf(url) {
  if (url.startsWith("file:")) return "sqlite";
  if (/^postgres(ql)?:\/\//.test(url)) return "postgresql";
  throw new Error(
    `DATABASE_URL must be a file: URL for SQLite (file:./data/lvs-console.db) or postgresql://USER:PASSWORD@HOST:PORT/DATABASE, got "${redactUrl(url)}"`,
  );
}

/** A URL safe to print: its password replaced by ***. */
export function redactUrl(url) {
  return url.replace(/^([a-z]+:\/\/[^:/@]*:)[^@]*@/i, "$1***@");
}

/** schema.prisma's text for a provider. */
export function schemaText(provider) {
  const text = readFileSync(schemaPath, "utf8");
  if (provider === "sqlite") return text;
  const swapped = text
    .replace(/(datasource db \{[^}]*provider\s*=\s*)"sqlite"/, `$1"postgresql"`)
    .replace(/(generator client \{[^}]*output\s*=\s*)"\.\.\/lib\/generated\/prisma"/, `$1"../prisma-postgresql"`);
  if (!swapped.includes('provider = "postgresql"') || !swapped.includes('"../prisma-postgresql"')) {
    throw new Error("prisma/schema.prisma: expected `provider = \"sqlite\"` and `output = \"../lib/generated/prisma\"` to derive the PostgreSQL schema");
  }
  return `// Generated from prisma/schema.prisma by scripts/database-providers.mjs; do not edit.\n${swapped}`;
}

/** Writes the PostgreSQL twin of schema.prisma (gitignored, under lib/generated) and returns its path. */
export function writePostgresSchema() {
  const file = PROVIDERS.postgresql.schemaFile;
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, schemaText("postgresql"));
  return file;
}
