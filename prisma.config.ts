import { defineConfig } from "prisma/config";

// Used by the Prisma CLI on connected machines (`prisma migrate deploy`); the
// console itself migrates offline through scripts/migrate.mjs.
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "file:./data/lvs-console.db" },
});
