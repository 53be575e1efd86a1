import "server-only";
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient, type Prisma } from "@/lib/generated/prisma/client";
import { PrismaClient as PostgresPrismaClient } from "@/lib/generated/prisma-postgresql/client";
import { env } from "./env";
import { reusingPrepare } from "./sqlite-statements";
import type { Database } from "better-sqlite3";

const globalForPrisma = globalThis as unknown as { prisma?: PrismaClient };

// Connections per process: WEB_CONCURRENCY processes share the server's
// max_connections (100 by default), so each keeps a small pool.
const POSTGRES_POOL_SIZE = 10;

/**
 * How long any transaction may wait for a pooled connection and then run.
 * Prisma's defaults (2 s, 5 s) fail saves of a busy server whose processes
 * queue for the CPU; a save that waited is better than one refused.
 */
const TRANSACTION_LIMITS = { maxWait: 15_000, timeout: 15_000 } as const;

/**
 * SQLite transactions begin IMMEDIATE: one that reads and then writes holds
 * the write lock from its start, so with several server processes it queues
 * behind another process's writer (busy timeout) instead of failing with
 * SQLITE_BUSY when its read snapshot turns out stale. Within a process the
 * adapter already runs one transaction at a time.
 */
class ImmediateSqliteAdapterFactory extends PrismaBetterSqlite3 {
  override async connect() {
    const adapter = await super.connect();
    const client = (adapter as unknown as { client: { prepare: (sql: string) => unknown } }).client;
    // Statements are prepared once per SQL text (sqlite-statements.ts).
    const prepare = reusingPrepare({ prepare: client.prepare.bind(client) } as Pick<Database, "prepare">);
    client.prepare = (sql: string) => prepare(sql === "BEGIN" ? "BEGIN IMMEDIATE" : sql);
    return adapter;
  }
}

function createClient(): PrismaClient {
  const e = env();
  if (e.databaseProvider === "postgresql") {
    // Both clients are generated from the same models (scripts/prisma-generate.mjs),
    // so the PostgreSQL one has the SQLite one's shape; the code is typed against one.
    const adapter = new PrismaPg({ connectionString: e.DATABASE_URL, max: POSTGRES_POOL_SIZE });
    return new PostgresPrismaClient({ adapter, transactionOptions: TRANSACTION_LIMITS }) as unknown as PrismaClient;
  }
  // A busy timeout lets concurrent writers queue instead of failing with
  // SQLITE_BUSY; the WAL journal mode is set by the migration step.
  const adapter = new ImmediateSqliteAdapterFactory({ url: `file:${e.databaseFile}`, timeout: 10_000 });
  return new PrismaClient({ adapter, transactionOptions: TRANSACTION_LIMITS });
}

/** A transaction's client: what every data function inside `db.$transaction` writes through. */
export type Tx = Prisma.TransactionClient;

/** The one Prisma client of the process (cached across hot reloads): SQLite or PostgreSQL, as DATABASE_URL says. */
export const db: PrismaClient = globalForPrisma.prisma ?? createClient();
if (env().NODE_ENV !== "production") globalForPrisma.prisma = db;

/**
 * Options for a transaction that reads a whole cluster: every statement sees
 * the same committed state, as SQLite's transactions always do; PostgreSQL's
 * default (read committed) would let a save land between two of its reads.
 */
export function snapshotTransaction(): { isolationLevel?: Prisma.TransactionIsolationLevel } {
  if (env().databaseProvider !== "postgresql") return {};
  // The client is typed by the SQLite one, whose only level is Serializable.
  return { isolationLevel: "RepeatableRead" as Prisma.TransactionIsolationLevel };
}

/**
 * Queues the calling transaction behind every other one that took the same
 * lock, until it ends. SQLite needs nothing: it runs one write transaction at
 * a time. PostgreSQL takes a transaction-scoped advisory lock, so a
 * read-then-write (count the failures, then insert one) stays atomic there too,
 * across every server process.
 */
export async function lockForWrite(tx: Tx, lock: string): Promise<void> {
  if (env().databaseProvider !== "postgresql") return;
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${lock}))`;
}
