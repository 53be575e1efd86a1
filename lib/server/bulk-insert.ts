import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { env } from "./env";

// Prisma's createMany spends about half a millisecond per row here (a 100,000
// real-server import took over a minute); one multi-row INSERT per few thousand
// values takes a few milliseconds. Rows come from the same mappers the data
// layer uses (toVirtualServerData, …), so every column stays in step with it.

/** A DateTime as Prisma's SQLite adapter stores it. */
export const sqliteDateTime = (d: Date) => d.toISOString().replace("Z", "+00:00");

// Every row of a write step carries the same timestamps: formatted once.
let lastDate: Date | undefined;
let lastDateText = "";
function dateText(d: Date): string {
  if (d !== lastDate) {
    lastDate = d;
    lastDateText = sqliteDateTime(d);
  }
  return lastDateText;
}

/** A column value as SQL parameters and JSON rows carry it: booleans as 1/0, dates as the adapter stores them, integers as numbers. */
export function toSqlValue(value: unknown): string | number | null {
  if (value instanceof Date) return dateText(value);
  if (value === undefined || value === null) return null;
  if (typeof value === "boolean") return value ? 1 : 0;
  if (typeof value === "bigint") {
    if (value > BigInt(Number.MAX_SAFE_INTEGER)) throw new Error("bulk insert: integer beyond 2^53");
    return Number(value);
  }
  if (typeof value === "string" || typeof value === "number") return value;
  throw new Error(`bulk insert: cannot store a ${typeof value}`);
}

/**
 * Inserts rows (all with the same keys) into a table with one statement and
 * one parameter: the rows as JSON, unpacked by SQLite's json_each or
 * PostgreSQL's jsonb_populate_recordset. Runs in the caller's transaction; returns the `returning`
 * columns of every row when asked. Table and column names come from code, never from input.
 */
export async function insertRows<R extends Record<string, unknown>>(
  tx: Prisma.TransactionClient, table: string, rows: readonly Record<string, unknown>[], returning?: readonly string[],
): Promise<R[]> {
  if (rows.length === 0) return [];
  const columns = Object.keys(rows[0]!);
  for (const name of [table, ...columns, ...(returning ?? [])]) {
    if (!/^[A-Za-z][A-Za-z0-9]*$/.test(name)) throw new Error(`bulk insert: invalid identifier ${name}`);
  }
  const names = columns.map((c) => `"${c}"`).join(", ");
  let json: string;
  let sql: string;
  if (env().databaseProvider === "postgresql") {
    // PostgreSQL: the rows as JSON objects, typed by the table's own row type;
    // ORDER BY ordinality keeps the document's order in the serial ids.
    json = JSON.stringify(rows.map((row) => Object.fromEntries(columns.map((c) => [c, toSqlValue(row[c])]))));
    sql = `INSERT INTO "${table}" (${names}) SELECT ${names} FROM jsonb_populate_recordset(NULL::"${table}", $1::jsonb) WITH ORDINALITY AS r ORDER BY r.ordinality`;
  } else {
    json = JSON.stringify(rows.map((row) => columns.map((c) => toSqlValue(row[c]))));
    const select = columns.map((_, i) => `json_extract(value, '$[${i}]')`).join(", ");
    // ORDER BY key keeps the document's order in the rowids.
    sql = `INSERT INTO "${table}" (${names}) SELECT ${select} FROM json_each(?) ORDER BY key`;
  }
  if (!returning) {
    await tx.$executeRawUnsafe(sql, json);
    return [];
  }
  return tx.$queryRawUnsafe<R[]>(`${sql} RETURNING ${returning.map((c) => `"${c}"`).join(", ")}`, json);
}
