// Web figures against a production build with 10,000 virtual servers and 20
// concurrent sessions: preview page, list TTFB, concurrent saves (with a
// lost-update check) and the JavaScript each console route transfers, on
// SQLite or PostgreSQL (figures suffixed _pg), served by WEB_CONCURRENCY
// processes (default: the number of cores).
// Usage: node --import tsx bench/web/web.ts <app dir> <port> [sqlite|postgresql]
// PostgreSQL: BENCH_POSTGRES_URL names a server whose user may create databases.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { appendFileSync, createWriteStream, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { cpus } from "node:os";
import Database from "better-sqlite3";
import pg from "pg";
import { actionId, callAction } from "./actions";
import { percentile, round, runWorkers, timedFetch } from "./http";
import { vipOf } from "../lib/generate-document";
import { measureImport } from "./import-phase";
import { measureRouteJs } from "./route-js";
import { openBenchDatabase } from "./bench-db";

const [appArg, portArg, providerArg = "sqlite"] = process.argv.slice(2);
if (!appArg || !portArg || !["sqlite", "postgresql"].includes(providerArg)) throw new Error("usage: web.ts <app dir> <port> [sqlite|postgresql]");
const postgres = providerArg === "postgresql";
/** Figure names for PostgreSQL carry the _pg suffix (a contract of issue 15). */
const suffix = postgres ? "_pg" : "";
const appDir = resolve(appArg);
const ROOT = join(import.meta.dirname, "../..");
const OUT = join(ROOT, "bench/out");
const base = `http://127.0.0.1:${portArg}`;
const dbFile = join(appDir, "bench.db");
const SESSIONS = 20;
/** BENCH_WEB_PHASES: which phases run (comma-separated list, preview, save, js, import); all by default. */
const phases = new Set((process.env.BENCH_WEB_PHASES || "list,preview,save,js,import").split(","));

function figure(name: string, value: number | string, unit: string) {
  const line = `${name}${name === "route_js_kb_gz" ? "" : suffix}: ${typeof value === "number" ? round(value) : value} ${unit}`;
  console.log(line);
  appendFileSync(join(OUT, "figures.txt"), `${line}\n`);
}
/** The 1-minute load average: the machine is shared, so each phase says how busy it was. */
const load = () => readFileSync("/proc/loadavg", "utf8").split(" ")[0];
function note(text: string) {
  console.log(`  # ${text}`);
  appendFileSync(join(OUT, "figures.txt"), `  # ${text}\n`);
}

// --- database: migrate, seed -------------------------------------------------
async function freshPostgresDatabase(): Promise<string> {
  const admin = process.env.BENCH_POSTGRES_URL;
  if (!admin) throw new Error("web.ts postgresql: set BENCH_POSTGRES_URL (bench/run.sh starts a throwaway server)");
  const client = new pg.Client({ connectionString: admin });
  await client.connect();
  await client.query(`DROP DATABASE IF EXISTS "lvs_bench" WITH (FORCE)`);
  await client.query(`CREATE DATABASE "lvs_bench"`);
  await client.end();
  const url = new URL(admin);
  url.pathname = "/lvs_bench";
  return url.toString();
}
spawnSync("rm", ["-f", dbFile, `${dbFile}-wal`, `${dbFile}-shm`]);
const databaseUrl = postgres ? await freshPostgresDatabase() : `file:${dbFile}`;
const processes = process.env.WEB_CONCURRENCY || String(cpus().length);
const env: NodeJS.ProcessEnv = { ...process.env, DATABASE_URL: databaseUrl, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1", ADMIN_PASSWORD: "bench-password-1" };
const migrate = spawnSync("node", ["--experimental-wasm-modules", "--disable-warning=ExperimentalWarning", "scripts/migrate.mjs"], { cwd: appDir, env, encoding: "utf8" });
if (migrate.status !== 0) throw new Error(`migrate failed: ${migrate.stderr}`);
const seedRun = spawnSync("node", ["--import", "tsx", join(ROOT, "bench/web/seed.ts"), databaseUrl], { cwd: ROOT, encoding: "utf8" });
if (seedRun.status !== 0) throw new Error(`seed failed: ${seedRun.stderr}`);
const seed = JSON.parse(seedRun.stdout) as {
  tokens: string[]; adminToken: string; clusters: Record<string, number>; saveTargets: { id: number; index: number }[]; virtualServers: number;
};
note(`web (${providerArg}, ${processes} server processes): ${seed.virtualServers} virtual servers in the database (clusters bench-1k and bench-9k), ${seed.tokens.length} sessions`);
/** A panel's address in one of the seeded clusters: `/c/<id>/…`. */
const at = (cluster: string, path: string) => `/c/${seed.clusters[cluster]}${path}`;
const cookie = (w: number, cluster: string) => `lvs_session=${seed.tokens[w % seed.tokens.length]}; lvs_cluster=${seed.clusters[cluster]}`;

// --- server ------------------------------------------------------------------
const serverLog = join(OUT, `web-server${suffix}.log`);
const log = createWriteStream(serverLog);
// BENCH_SERVER_NODE_ARGS: node flags of the server (its worker processes inherit them), e.g. --cpu-prof to profile a phase.
const nodeArgs = (process.env.BENCH_SERVER_NODE_ARGS ?? "").split(" ").filter(Boolean);
const server: ChildProcess = spawn("node", [...nodeArgs, join(appDir, "scripts/serve.mjs"), "-p", portArg], { cwd: appDir, env, stdio: ["ignore", "pipe", "pipe"] });
server.stdout?.pipe(log);
server.stderr?.pipe(log);
const stop = () => { if (server.exitCode === null) server.kill("SIGTERM"); };
process.on("exit", stop);

/** CPU seconds (user + system) the server's processes have used so far: a measure the shared machine's load does not stretch. */
function serverCpuSeconds(): number {
  const pids = [server.pid!];
  try {
    pids.push(...readFileSync(`/proc/${server.pid}/task/${server.pid}/children`, "utf8").trim().split(/\s+/).filter(Boolean).map(Number));
  } catch { /* no /proc: counted as 0 */ }
  let ticks = 0;
  for (const pid of pids) {
    try {
      // Fields 14 and 15 of /proc/PID/stat (after the parenthesised command name): utime and stime in clock ticks.
      const fields = readFileSync(`/proc/${pid}/stat`, "utf8").replace(/^.*\) /, "").split(" ");
      ticks += Number(fields[11]) + Number(fields[12]);
    } catch { /* exited */ }
  }
  return ticks / 100;
}

async function waitReady() {
  for (let i = 0; i < 120; i++) {
    try {
      const r = await fetch(`${base}/login`);
      if (r.status === 200) return;
    } catch { /* not up yet */ }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`server did not start; see ${serverLog}`);
}

try {
  await waitReady();
  const check = await timedFetch(`${base}${at("bench-9k", "/virtual-servers")}`, { headers: { Cookie: cookie(0, "bench-9k") } });
  if (check.status !== 200 || !/9000(?:<!-- -->)? virtual server/.test(check.body)) {
    throw new Error(`session cookie not accepted: HTTP ${check.status} ${check.body.slice(0, 200)}`);
  }
  // Warm-up (untimed): first requests compile and load each route's modules.
  for (const path of ["/virtual-servers", "/virtual-servers?page=7", `/virtual-servers/${seed.saveTargets[0]!.id}`]) {
    for (let i = 0; i < 3; i++) await timedFetch(`${base}${at("bench-9k", path)}`, { headers: { Cookie: cookie(i, "bench-9k") } });
  }
  await timedFetch(`${base}${at("bench-1k", "/preview")}`, { headers: { Cookie: cookie(0, "bench-1k") } });
  await timedFetch(`${base}/api/clusters/${seed.clusters["bench-1k"]}/preview`, { headers: { Cookie: cookie(0, "bench-1k") } });

  if (phases.has("list")) {
    // --- list: 20 sessions paging and searching the 9,000-service cluster ------
    const listTtfb: number[] = [];
    const listTotal: number[] = [];
    let listErrors = 0;
    await runWorkers(SESSIONS, 15, 120_000, async (w, i) => {
      const page = 1 + ((w * 37 + i * 11) % 180);
      const path = i % 5 === 4 ? `/virtual-servers?q=vs${1000 + w * 13 + i}` : `/virtual-servers?page=${page}`;
      const r = await timedFetch(`${base}${at("bench-9k", path)}`, { headers: { Cookie: cookie(w, "bench-9k") } });
      if (r.status !== 200) listErrors++;
      listTtfb.push(r.ttfbMs);
      listTotal.push(r.totalMs);
    });
    const listSolo: number[] = [];
    for (let i = 0; i < 10; i++) listSolo.push((await timedFetch(`${base}/virtual-servers?page=${1 + i * 17}`, { headers: { Cookie: cookie(i, "bench-9k") } })).ttfbMs);
    figure("list_single_ttfb_ms", percentile(listSolo, 50), "ms");
    note(`list page: ${round(check.bytes / 1024)} kB of HTML`);
    note(`list (load ${load()}): ${listTtfb.length} requests, TTFB p50 ${round(percentile(listTtfb, 50))} ms, full page p95 ${round(percentile(listTotal, 95))} ms, errors ${listErrors}`);
    figure("list_ttfb_p95_ms", percentile(listTtfb, 95), "ms");
  }

  if (phases.has("preview")) {
    // --- preview: the Preview & export page of the 1,000-service cluster -------
    // As a browser loads it: the page, then its preview data from the route
    // handler, revalidated with the ETag the session's browser cache holds.
    const previewId = seed.clusters["bench-1k"]!;
    const etags = new Map<number, string>();
    const loadPreview = async (w: number) => {
      const headers = { Cookie: cookie(w, "bench-1k") };
      const page = await timedFetch(`${base}${at("bench-1k", "/preview")}`, { headers });
      const etag = etags.get(w);
      const data = await timedFetch(`${base}/api/clusters/${previewId}/preview`, { headers: etag ? { ...headers, "If-None-Match": etag } : headers });
      if (data.etag) etags.set(w, data.etag);
      const ok = page.status === 200 && (data.status === 304 || (data.status === 200 && data.body.includes("install-marks.sh")));
      return { ok, totalMs: page.totalMs + data.totalMs, ttfbMs: page.ttfbMs, bytes: page.bytes + data.bytes, revalidated: data.status === 304 };
    };
    const preview: number[] = [];
    const previewFirst: number[] = [];
    const previewTtfb: number[] = [];
    let previewBytes = 0;
    let previewErrors = 0;
    await runWorkers(SESSIONS, 3, 180_000, async (w) => {
      const r = await loadPreview(w);
      if (!r.ok) previewErrors++;
      preview.push(r.totalMs);
      if (!r.revalidated) {
        previewFirst.push(r.totalMs);
        previewBytes = r.bytes;
      }
      previewTtfb.push(r.ttfbMs);
    });
    // The same page for one session at a time: what an operator waits for without contention.
    const solo: number[] = [];
    for (let i = 0; i < 5; i++) solo.push((await loadPreview(i)).totalMs);
    note(`preview (load ${load()}): ${preview.length} loads (page + GET /api/clusters/ID/preview) by ${SESSIONS} sessions, ${previewFirst.length} without a cached ETag (${round(previewBytes / 1e6)} MB each, p95 ${round(percentile(previewFirst, 95))} ms), the rest revalidated; page TTFB p95 ${round(percentile(previewTtfb, 95))} ms; p50 ${round(percentile(preview, 50))} ms; alone (median of 5) ${round(percentile(solo, 50))} ms; errors ${previewErrors}`);
    if (previewErrors > 0) {
      const cause = /query parameter limit[^\n]*/.exec(readFileSync(serverLog, "utf8"))?.[0] ?? `see ${serverLog}`;
      note(`preview FAILED on ${previewErrors}/${preview.length} loads: ${cause}`);
      figure("preview_p95_ms", "n/a", "ms");
    } else {
      figure("preview_p95_ms", percentile(preview, 95), "ms");
      figure("preview_single_ms", percentile(solo, 50), "ms");
    }
  }

  // --- saves: every session edits its own virtual server, 10 times ----------
  const update = actionId(appDir, "updateVirtualServerAction");
  const values = (index: number, reentry: number) => ({
    name: `vs${index}`, vip: vipOf(index), port: 80, protocol: "tcp", firewallMark: 1000 + index, scheduler: "wlc",
    persistence: { timeoutSeconds: 300 }, reentrySeconds: reentry, serviceTimeoutSeconds: 6,
    monitor: { send: "GET / HTTP/1.0\\r\\n\\r\\n", expect: "HTTP" },
  });
  if (phases.has("save")) {
    const SAVES = 10;
    const saveMs: number[] = [];
    const saveBytes: number[] = [];
    let saveErrors = 0;
    const errorSamples: string[] = [];
    const versions = seed.saveTargets.map(() => 1);
    await runWorkers(SESSIONS, SAVES, 180_000, async (w, i) => {
      const target = seed.saveTargets[w]!;
      const r = await callAction(base, at("bench-9k", `/virtual-servers/${target.id}`), update, cookie(w, "bench-9k"), [target.id, versions[w], values(target.index, 100 + versions[w]!)]);
      saveMs.push(r.totalMs);
      saveBytes.push(r.bytes);
      if (r.status >= 500 || r.ok !== true) {
        saveErrors++;
        if (errorSamples.length < 3) errorSamples.push(`HTTP ${r.status} ${r.message ?? r.body.slice(0, 160)}`);
      } else versions[w] = versions[w]! + 1;
    });
    // One session saving alone: the service time without queueing behind 19 others.
    const saveSolo: number[] = [];
    for (let i = 0; i < 10; i++) {
      const r = await callAction(base, at("bench-9k", `/virtual-servers/${seed.saveTargets[0]!.id}`), update, cookie(0, "bench-9k"), [seed.saveTargets[0]!.id, versions[0], values(seed.saveTargets[0]!.index, 100 + versions[0]!)]);
      saveSolo.push(r.totalMs);
      if (r.ok === true) versions[0] = versions[0]! + 1;
      else saveErrors++;
    }
    figure("save_single_ms", percentile(saveSolo, 50), "ms");
    // Lost updates: every acknowledged save must be in the database.
    const db = await openBenchDatabase(databaseUrl);
    const row = async (id: number) =>
      (await db.query(`SELECT "reentrySeconds" AS "reentry", "version" FROM "VirtualServer" WHERE "id" = $1`, [id]))[0] as { reentry: number; version: number };
    let lost = 0;
    for (const [w, t] of seed.saveTargets.slice(0, SESSIONS).entries()) {
      const r = await row(t.id);
      const acked = versions[w]! - 1;
      // reentrySeconds was set to 100 + n by the n-th acknowledged save of this row (a refused save sets nothing).
      if (r.version !== 1 + acked || (acked > 0 && r.reentry !== 100 + acked)) lost++;
    }
    // The same row from two sessions at once: one save wins, the other is refused as stale.
    const shared = seed.saveTargets[SESSIONS]!;
    let conflictErrors = 0;
    let version = 1;
    const ROUNDS = 10;
    for (let round_ = 0; round_ < ROUNDS; round_++) {
      const pair = await Promise.all([0, 1].map((k) =>
        callAction(base, at("bench-9k", `/virtual-servers/${shared.id}`), update, cookie(k, "bench-9k"), [shared.id, version, values(shared.index, 200 + round_ * 2 + k)])));
      const winners = pair.filter((r) => r.ok === true).length;
      const stale = pair.filter((r) => r.ok === false && r.code === "stale_version").length;
      if (winners !== 1 || stale !== 1 || pair.some((r) => r.status >= 500)) conflictErrors++;
      if (winners > 0) version += 1;
    }
    const sharedRow = await row(shared.id);
    if (sharedRow.version !== version) conflictErrors++;
    await db.close();
    const busy = (readFileSync(serverLog, "utf8").match(/SQLITE_BUSY|database is locked|deadlock detected|could not serialize/g) ?? []).length;
    note(`saves (load ${load()}): ${saveMs.length} by ${SESSIONS} sessions (own rows), p50 ${round(percentile(saveMs, 50))} ms, answer ${round(percentile(saveBytes, 50) / 1024)} kB; failed ${saveErrors}${errorSamples.length ? ` (${errorSamples.join(" | ")})` : ""}; lost updates ${lost}; same-row rounds not resolved as one win + one stale refusal: ${conflictErrors}/${ROUNDS}; lock errors in server log: ${busy}`);
    figure("save_p95_ms", percentile(saveMs, 95), "ms");
    figure("save_errors", saveErrors + lost + conflictErrors + busy, "count");
  }

  // --- JavaScript per console route (Chromium) and import: once, on SQLite (the
  // route's JavaScript does not depend on the database; the import's bulk insert is SQLite's json_each)
  if (!postgres) {
    if (phases.has("js")) {
      const js = await measureRouteJs(base, seed.adminToken, seed.clusters["bench-1k"]!, seed.saveTargets[0]!.id);
      for (const r of js.routes) note(`route ${r.path}: HTTP ${r.status}, ${r.scripts} scripts, ${round(r.kbGz)} kB gzipped (${round(r.kbRaw)} kB raw); largest chunk ${round(r.largestKbGz)} kB gz`);
      figure("route_js_kb_gz", js.maxKbGz, "kB");

    }

    if (phases.has("import")) {
      // --- import: 10,000 bundles into bench-1k while others sign in and save ----
      const versionsNow = new Database(dbFile, { readonly: true });
      const versionOf = versionsNow.prepare(`SELECT version FROM "VirtualServer" WHERE id = ?`);
      const others = seed.saveTargets.slice(0, 5).map((t, w) => {
        let v = (versionOf.get(t.id) as { version: number }).version;
        return { cookie: cookie(w, "bench-9k"), page: at("bench-9k", `/virtual-servers/${t.id}`), save: () => [t.id, v++, values(t.index, 300 + v)] };
      });
      versionsNow.close();
      const cpuBefore = serverCpuSeconds();
      const imported = await measureImport({
        appDir, base, dbFile, adminCookie: `lvs_session=${seed.adminToken}`, clusterId: seed.clusters["bench-1k"]!, clusterName: "bench-1k", others,
      });
      const cpu = serverCpuSeconds() - cpuBefore;
      note(`import (load ${load()}): ${round(imported.documentBytes / 1e6)} MB document, ${imported.imported ? "imported" : "NOT imported"}; ${imported.concurrentRequests} other requests meanwhile (GET /login and saves), errors ${imported.concurrentErrors}; server CPU meanwhile ${round(cpu)} s (all processes, the other requests included)`);
      figure("import_10k_ms", imported.imported ? imported.importMs : "n/a", "ms");
      figure("import_concurrent_p95_ms", imported.concurrentP95Ms, "ms");
    }
  }
} finally {
  stop();
}
