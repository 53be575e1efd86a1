import { createHash } from "node:crypto";
import Database from "better-sqlite3";
import { E2E_DATABASE_FILE } from "../support/env";

/** Columns that legitimately change on a read (the session's sliding idle timestamp). */
const VOLATILE: Record<string, string[]> = { Session: ["lastSeenAt"] };

/** A checksum per table of the e2e database, read-only: equal before and after means no row changed. */
export function snapshotDatabase(file: string): Record<string, string> {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const tables = db
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> '_prisma_migrations' ORDER BY name")
      .all() as { name: string }[];
    const out: Record<string, string> = {};
    for (const { name } of tables) {
      const rows = db.prepare(`SELECT * FROM "${name}" ORDER BY rowid`).all() as Record<string, unknown>[];
      const hash = createHash("sha256");
      for (const row of rows) {
        for (const column of VOLATILE[name] ?? []) delete row[column];
        hash.update(JSON.stringify(row, (_k, v: unknown) => (typeof v === "bigint" ? v.toString() : v)));
      }
      out[name] = `${rows.length}:${hash.digest("hex").slice(0, 16)}`;
    }
    return out;
  } finally {
    db.close();
  }
}

/** Tables whose checksum differs between two snapshots. */
export function changedTables(before: Record<string, string>, after: Record<string, string>): string[] {
  return [...new Set([...Object.keys(before), ...Object.keys(after)])].filter((t) => before[t] !== after[t]);
}

/** Rows of one read-only query on the e2e database. */
export function queryDatabase<T>(sql: string, ...params: unknown[]): T[] {
  const db = new Database(E2E_DATABASE_FILE, { readonly: true, fileMustExist: true });
  try {
    return db.prepare(sql).all(...params) as T[];
  } finally {
    db.close();
  }
}
