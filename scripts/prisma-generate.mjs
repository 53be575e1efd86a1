// Runs `prisma generate` offline for both databases: the SQLite client from
// prisma/schema.prisma into lib/generated/prisma, the PostgreSQL client from its
// derived twin into lib/generated/prisma-postgresql (lib/server/db.ts picks one
// by DATABASE_URL at run time). The Prisma CLI insists on locating its native
// schema engine even though generate never uses it; pointing
// PRISMA_SCHEMA_ENGINE_BINARY at any existing file satisfies it (DESIGN.md §7).
import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";
import { schemaPath, writePostgresSchema } from "./database-providers.mjs";

const require = createRequire(import.meta.url);
const env = {
  ...process.env,
  PRISMA_SCHEMA_ENGINE_BINARY: process.env.PRISMA_SCHEMA_ENGINE_BINARY ?? process.execPath,
  PRISMA_HIDE_UPDATE_MESSAGE: "1",
  CHECKPOINT_DISABLE: "1",
};
const cli = require.resolve("prisma/build/index.js");
for (const schema of [schemaPath, writePostgresSchema()]) {
  const r = spawnSync(process.execPath, [cli, "generate", "--schema", schema], { stdio: "inherit", env });
  if (r.status !== 0) process.exit(r.status ?? 1);
}
