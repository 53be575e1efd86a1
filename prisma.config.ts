import { defineConfig } from "prisma/config";

// Used by the Prisma CLI on connected machines (`prisma migrate deploy`); the
// console itself migrates offline through scripts/migrate.mjs. A PostgreSQL
// DATABASE_URL selects the derived PostgreSQL schema (written by
// `npm run prisma:generate`) and its own migrations folder.
const url = process.env.DATABASE_URL ?? "file:./data/lvs-console.db";
const postgres = /^postgres(ql)?:\/\//.test(url);

export default defineConfig({
  schema: postgres ? "lib/generated/postgresql/schema.prisma" : "prisma/schema.prisma",
  migrations: { path: postgres ? "prisma/migrations-postgresql" : "prisma/migrations" },
  datasource: { url },
});
