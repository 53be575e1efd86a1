// The bench's own access to the console's database, SQLite or PostgreSQL as
// the URL says: bulk inserts for the seed and plain queries for the checks.
import Database from "better-sqlite3";
import pg from "pg";

/** Minimal database handle for the bench scripts. */
export interface BenchDatabase {
  begin(): Promise<void>;
  commit(): Promise<void>;
  /** Inserts rows; returns their ids in order when `returnIds` (the default). */
  insert(table: string, columns: string[], rows: unknown[][], returnIds?: boolean): Promise<number[]>;
  query(sql: string, args?: unknown[]): Promise<Record<string, unknown>[]>;
  close(): Promise<void>;
}

const quoted = (columns: string[]) => columns.map((c) => `"${c}"`).join(", ");

function openSqlite(file: string): BenchDatabase {
  const db = new Database(file);
  db.pragma("journal_mode = WAL");
  const sqliteValue = (v: unknown) => (typeof v === "boolean" ? Number(v) : v);
  return {
    begin: async () => void db.exec("BEGIN"),
    commit: async () => void db.exec("COMMIT"),
    async insert(table, columns, rows) {
      const statement = db.prepare(`INSERT INTO "${table}" (${quoted(columns)}) VALUES (${columns.map(() => "?").join(", ")})`);
      return rows.map((row) => Number(statement.run(...row.map(sqliteValue)).lastInsertRowid));
    },
    query: async (sql, args = []) => db.prepare(sql.replace(/\$\d+/g, "?")).all(...args) as Record<string, unknown>[],
    close: async () => void db.close(),
  };
}

async function openPostgres(url: string): Promise<BenchDatabase> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const BATCH = 1000;
  return {
    begin: async () => void (await client.query("BEGIN")),
    commit: async () => void (await client.query("COMMIT")),
    async insert(table, columns, rows, returnIds = true) {
      const ids: number[] = [];
      for (let start = 0; start < rows.length; start += BATCH) {
        const batch = rows.slice(start, start + BATCH);
        const values = batch.map((_, r) => `(${columns.map((__, c) => `$${r * columns.length + c + 1}`).join(", ")})`).join(", ");
        // Rows come back in the order of VALUES for a plain multi-row INSERT.
        const result = await client.query(
          `INSERT INTO "${table}" (${quoted(columns)}) VALUES ${values}${returnIds ? ' RETURNING "id"' : ""}`,
          batch.flat(),
        );
        if (returnIds) ids.push(...result.rows.map((r: { id: number }) => Number(r.id)));
      }
      return ids;
    },
    query: async (sql, args = []) => (await client.query(sql, args)).rows,
    close: () => client.end(),
  };
}

/** Opens a console database for the bench: file:PATH (SQLite) or postgresql://… */
export async function openBenchDatabase(url: string): Promise<BenchDatabase> {
  return url.startsWith("file:") ? openSqlite(url.slice("file:".length)) : openPostgres(url);
}
