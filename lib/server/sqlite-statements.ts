import "server-only";
import type { Database, Statement } from "better-sqlite3";
import { LruCache } from "./lru-cache";

// Prisma's better-sqlite3 adapter prepares every statement anew, and binds
// the parameters into it for good (better-sqlite3's bind() works once per
// statement). Preparing was about 5 % of a busy server process's time. This
// keeps each SQL text's prepared statement and hands the adapter a light
// statement that passes the parameters at each call instead. SQL texts with
// inlined values cannot pile up: the least recently used statements go.

/** The part of a better-sqlite3 statement the adapter uses after bind(). */
interface BoundStatement {
  readonly reader: boolean;
  run(): ReturnType<Statement["run"]>;
  columns(): ReturnType<Statement["columns"]>;
  raw(): { all(): unknown[] };
}

/** The part of a prepared statement the adapter uses: bind then run or read, or run without parameters (BEGIN). */
export interface AdapterStatement {
  readonly reader: boolean;
  bind(args: unknown[]): BoundStatement;
  run(): ReturnType<Statement["run"]>;
}

/** A prepare() for the adapter's connection that reuses each SQL text's statement (at most `capacity` kept). */
export function reusingPrepare(client: Pick<Database, "prepare">, capacity = 500): (sql: string) => AdapterStatement {
  const statements = new LruCache<string, Statement>(capacity);
  return (sql) => {
    let stmt = statements.get(sql);
    if (!stmt) {
      stmt = client.prepare(sql);
      statements.set(sql, stmt);
    }
    const s = stmt;
    return {
      reader: s.reader,
      run: () => s.run(),
      bind: (args) => ({
        reader: s.reader,
        run: () => s.run(args),
        columns: () => s.columns(),
        raw: () => ({ all: () => s.raw(true).all(args) }),
      }),
    };
  };
}
