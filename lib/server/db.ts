import "server-only";
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { env } from "./env";

const globalForPrisma = globalThis as unknown as { prisma?: PrismaClient };

function createClient(): PrismaClient {
  // A busy timeout lets concurrent writers queue instead of failing with
  // SQLITE_BUSY; the WAL journal mode is set by the migration step.
  const adapter = new PrismaBetterSqlite3({ url: `file:${env().databaseFile}`, timeout: 10_000 });
  return new PrismaClient({ adapter });
}

/** The one Prisma client of the process (cached across hot reloads). */
export const db: PrismaClient = globalForPrisma.prisma ?? createClient();
if (env().NODE_ENV !== "production") globalForPrisma.prisma = db;
