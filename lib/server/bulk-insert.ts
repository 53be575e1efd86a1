import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";

// Prisma's createMany spends about half a millisecond per row here (a 100,000
// real-server import took over a minute); one multi-row INSERT per few thousand
// values takes a few milliseconds. Rows come from the same mappers the data
// layer uses (toVirtualServerData, …), so every column stays in step with it.

/** SQLite's bound-parameter limit is 32766; stay well under it. */
const MAX_PARAMETERS = 30_000;

/** A DateTime as Prisma's SQLite adapter stores it. */
export const sqliteDateTime = (d: Date) => d.toISOString().replace("Z", "+00:00");

function toSqlValue(value: unknown): unknown {
  if (value === undefined || value === null) return null;
  if (typeof value === "boolean") return value ? 1 : 0;
  if (value instanceof Date) return sqliteDateTime(value);
  if (typeof value === "string" || typeof value === "number" || typeof value === "bigint") return value;
  throw new Error(`bulk insert: cannot store a ${typeof value}`);
}

/**
 * Inserts rows (all with the same keys) into a table in as few statements as
 * the parameter limit allows, inside the caller's transaction; returns the
 * `returning` columns of every row when asked. Table and column names come from code, never from input.
 */
export async function insertRows<R extends Record<string, unknown>>(
  tx: Prisma.TransactionClient, table: string, rows: readonly Record<string, unknown>[], returning?: readonly string[],
): Promise<R[]> {
  if (rows.length === 0) return [];
  const columns = Object.keys(rows[0]!);
  for (const name of [table, ...columns, ...(returning ?? [])]) {
    if (!/^[A-Za-z][A-Za-z0-9]*$/.test(name)) throw new Error(`bulk insert: invalid identifier ${name}`);
  }
  const perStatement = Math.max(1, Math.floor(MAX_PARAMETERS / columns.length));
  const out: R[] = [];
  for (let i = 0; i < rows.length; i += perStatement) {
    const batch = rows.slice(i, i + perStatement);
    const placeholders = `(${columns.map(() => "?").join(", ")})`;
    const sql = `INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(", ")}) VALUES ${batch.map(() => placeholders).join(", ")}`;
    const values = batch.flatMap((row) => columns.map((c) => toSqlValue(row[c])));
    if (returning) out.push(...(await tx.$queryRawUnsafe<R[]>(`${sql} RETURNING ${returning.map((c) => `"${c}"`).join(", ")}`, ...values)));
    else await tx.$executeRawUnsafe(sql, ...values);
  }
  return out;
}
