// Import figures (issue 12 item 11): a 10,000-bundle document uploaded through
// the upload form's server action (multipart, as a browser without JavaScript
// posts it) while other sessions keep signing in and saving; how long the
// import takes and what the others wait meanwhile.
import { performance } from "node:perf_hooks";
import Database from "better-sqlite3";
import { generateDocument } from "../lib/generate-document";
import { actionId, callAction } from "./actions";
import { percentile, timedFetch } from "./http";

export interface ImportFigures {
  importMs: number;
  concurrentP95Ms: number;
  concurrentRequests: number;
  concurrentErrors: number;
  imported: boolean;
  documentBytes: number;
}

interface Options {
  appDir: string;
  base: string;
  dbFile: string;
  adminCookie: string;
  clusterId: number;
  clusterName: string;
  /** Other sessions: cookie and a virtual server each may save (id, version, values). */
  others: { cookie: string; save: () => unknown[]; page: string }[];
}

/** Uploads the document and runs the other sessions until it is done. */
export async function measureImport(o: Options): Promise<ImportFigures> {
  const text = JSON.stringify(generateDocument(10_000, o.clusterName));
  const importId = actionId(o.appDir, "importDocumentAction");
  const update = actionId(o.appDir, "updateVirtualServerAction");
  const form = new FormData();
  form.set(`$ACTION_ID_${importId}`, "");
  form.set("clusterId", String(o.clusterId));
  form.set("document", new Blob([text], { type: "application/json" }), "bench-10k.json");

  const latencies: number[] = [];
  let errors = 0;
  let done = false;
  const other = o.others.map(async (s, w) => {
    for (let i = 0; !done; i += 1) {
      const r = i % 2 === 0
        ? await timedFetch(`${o.base}/login`)
        : await callAction(o.base, s.page, update, s.cookie, s.save());
      latencies.push(r.totalMs);
      if (r.status >= 500 || ("ok" in r && r.ok === false)) errors += 1;
      await new Promise((resolve) => setTimeout(resolve, 50 + w));
    }
  });
  await new Promise((resolve) => setTimeout(resolve, 300));
  const t0 = performance.now();
  const response = await fetch(`${o.base}/c/${o.clusterId}/import`, { method: "POST", body: form, headers: { Cookie: o.adminCookie, Origin: o.base }, redirect: "manual" });
  await response.arrayBuffer();
  const importMs = performance.now() - t0;
  done = true;
  await Promise.all(other);

  const db = new Database(o.dbFile, { readonly: true });
  const { n } = db.prepare(`SELECT COUNT(*) AS n FROM "FirewallMarkBundle" WHERE clusterId = ?`).get(o.clusterId) as { n: number };
  db.close();
  return {
    importMs,
    concurrentP95Ms: percentile(latencies, 95),
    concurrentRequests: latencies.length,
    concurrentErrors: errors,
    imported: response.status < 500 && n === 10_000,
    documentBytes: Buffer.byteLength(text),
  };
}
