// Serves the production build (what `next start` does) from WEB_CONCURRENCY
// processes on one port (default: the number of cores): a node:cluster primary
// forks the workers (scripts/serve/worker.mjs), replaces one that dies, and on
// SIGTERM or SIGINT lets each finish its requests in flight before it exits.
// Everything shared (sessions, throttling, audit, exports) lives in the database.
// Usage: node scripts/serve.mjs [-p PORT]   (default: $PORT or 3000)
import cluster from "node:cluster";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const flag = process.argv.indexOf("-p");
const rawPort = flag >= 0 ? process.argv[flag + 1] : process.env.PORT || "3000";
const port = Number(rawPort);
if (!Number.isInteger(port) || port < 1 || port > 65535) {
  console.error(`serve: got port ${JSON.stringify(rawPort)}; allowed: an integer 1-65535`);
  process.exit(64);
}
const rawConcurrency = process.env.WEB_CONCURRENCY || String(os.availableParallelism());
const processes = Number(rawConcurrency);
if (!/^\d+$/.test(rawConcurrency) || processes < 1 || processes > 256) {
  console.error(`serve: WEB_CONCURRENCY: got ${JSON.stringify(rawConcurrency)}; allowed: an integer 1-256 (server processes)`);
  process.exit(64);
}

/** How long a worker may take to finish its requests in flight after SIGTERM before it is killed. */
const SHUTDOWN_GRACE_MS = 30_000;
/** A worker that dies sooner than this after starting is replaced only after this long, so a crash loop does not spin. */
const RESTART_BACKOFF_MS = 1_000;

cluster.setupPrimary({
  exec: path.join(path.dirname(fileURLToPath(import.meta.url)), "serve", "worker.mjs"),
  args: [String(port)],
});

let stopping = false;
let everListened = false;
const startedAt = new Map();

function fork() {
  const worker = cluster.fork();
  startedAt.set(worker.id, Date.now());
  return worker;
}

const listening = new Set();
cluster.on("listening", (worker) => {
  listening.add(worker.id);
  if (!everListened) {
    everListened = true;
    // The first worker ran the first-start bootstrap alone; the others start now.
    for (let i = 1; i < processes; i += 1) fork();
  }
  if (listening.size === processes) {
    console.log(`ready on http://localhost:${port} (${processes} server process${processes === 1 ? "" : "es"})`);
  }
});

cluster.on("exit", (worker, code, signal) => {
  const lived = Date.now() - (startedAt.get(worker.id) ?? 0);
  startedAt.delete(worker.id);
  listening.delete(worker.id);
  if (stopping) {
    if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(0);
    return;
  }
  if (!everListened) {
    console.error(`serve: the first server process exited (${signal ?? `code ${code}`}) before it listened; stopping`);
    process.exit(typeof code === "number" && code !== 0 ? code : 1);
  }
  console.error(`serve: server process ${worker.process.pid} died (${signal ?? `code ${code}`}); starting a replacement`);
  setTimeout(fork, lived < RESTART_BACKOFF_MS ? RESTART_BACKOFF_MS : 0);
});

function stop(signal) {
  if (stopping) return;
  stopping = true;
  const workers = Object.values(cluster.workers ?? {});
  if (workers.length === 0) process.exit(0);
  for (const worker of workers) worker?.process.kill("SIGTERM");
  setTimeout(() => {
    console.error(`serve: requests still in flight ${SHUTDOWN_GRACE_MS / 1000} s after ${signal}; killing the server processes`);
    for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill("SIGKILL");
    process.exit(1);
  }, SHUTDOWN_GRACE_MS).unref();
}
process.on("SIGTERM", () => stop("SIGTERM"));
process.on("SIGINT", () => stop("SIGINT"));

fork();
