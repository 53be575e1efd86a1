import "server-only";
import Database from "better-sqlite3";
import { contentCounts } from "@/lib/domain/model/content-counts";
import { scriptCarriersOf, type ScriptCarrierAt } from "@/lib/domain/model/script-fields";
import type { LvsDocument } from "@/lib/domain/schema";
import { checkDocumentText } from "@/lib/domain/schema/check-document-text";
import type { DocumentIssue } from "@/lib/domain/schema/parse-document";
import { toSqlValue } from "./bulk-insert";
import { bundlePortRowsOf, bundleRow, realServerRowsOf, virtualServerRow } from "./staging-rows";

// The import worker's writer (SQLite only): the staging rows of a document
// written through the worker's own connection with prepared statements, so the
// request thread neither builds nor sends them. Rows are the request thread's
// (staging-rows.ts). The work is cut by time, not by rows: each transaction
// (IMMEDIATE) holds the write lock for about SLICE_MS, then the writer leaves
// the database alone for PAUSE_MS, so that the server's own writers, waiting
// in SQLite's busy handler (retries after 1, 3, 8, 18, 33 ms…), find it free
// at one of their first retries instead of queueing behind the whole import.

const SLICE_MS = 8;
const PAUSE_MS = 4;

const pause = (ms: number) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

type Row = Record<string, unknown>;

/** Writes a document's bundles and virtual servers into the staging cluster `stagingId` of the SQLite file. */
export function writeStagingRowsSqlite(databaseFile: string, stagingId: number, doc: Pick<LvsDocument, "firewallMarks" | "virtualServers">): void {
  const db = new Database(databaseFile, { timeout: 10_000 });
  try {
    // Staging rows need no durability of their own: they count only once the
    // swap, on the server's connection (synchronous FULL), has committed after them.
    db.pragma("synchronous = NORMAL");
    const statements = new Map<string, (row: Row) => number>();
    // One prepared INSERT per table, its columns those of the mapper's rows (every row of a table has the same keys).
    const insert = (table: string, row: Row): number => {
      let run = statements.get(table);
      if (!run) {
        const columns = Object.keys(row);
        const stmt = db.prepare(`INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(", ")}) VALUES (${columns.map(() => "?").join(", ")})`);
        run = (r) => Number(stmt.run(columns.map((c) => toSqlValue(r[c]))).lastInsertRowid);
        statements.set(table, run);
      }
      return run(row);
    };
    // A unit is a bundle with its ports or a virtual server with its real servers, in the document's order.
    const units: ((now: Date) => void)[] = [
      ...doc.firewallMarks.map((b) => (now: Date) => {
        const id = insert("FirewallMarkBundle", bundleRow(stagingId, b, now));
        for (const port of bundlePortRowsOf(id, b)) insert("BundlePort", port);
      }),
      ...doc.virtualServers.map((v) => (now: Date) => {
        const id = insert("VirtualServer", virtualServerRow(stagingId, v, now));
        for (const r of realServerRowsOf(id, v, now)) insert("RealServer", r);
      }),
    ];
    let next = 0;
    const slice = db.transaction(() => {
      const now = new Date();
      const end = performance.now() + SLICE_MS;
      do units[next++]!(now);
      while (next < units.length && performance.now() < end);
    });
    while (next < units.length) {
      slice.immediate();
      pause(PAUSE_MS);
    }
  } finally {
    db.close();
  }
}

/** What the request thread needs of a document whose rows the worker staged: never the rows themselves. */
export interface StagedDocument {
  cluster: LvsDocument["cluster"];
  counts: { firewallMarks: number; virtualServers: number; realServers: number };
  scriptCarriers: ScriptCarrierAt[];
  diagnostics: { errors: number; warnings: number };
}

/** A document check whose rows, when valid, are already in the staging cluster. */
export type StagedCheck = { ok: true; staged: StagedDocument } | { ok: false; issues: DocumentIssue[] };

/** In the import worker: checks a document text and, when it is valid, writes its rows into the staging cluster. */
export function checkAndStageDocument(text: string, databaseFile: string, stagingId: number): StagedCheck {
  const checked = checkDocumentText(text);
  if (!checked.ok) return checked;
  const { doc } = checked;
  writeStagingRowsSqlite(databaseFile, stagingId, doc);
  return {
    ok: true,
    staged: {
      cluster: doc.cluster,
      counts: contentCounts(doc),
      scriptCarriers: scriptCarriersOf(doc),
      diagnostics: checked.diagnostics,
    },
  };
}
