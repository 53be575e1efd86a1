// Runs an import's parse, validation and lint in a worker thread (issue 12
// item 11). Plain JavaScript loaded at run time by lib/server/document-check.ts,
// so the Next bundler never sees the worker: it would try to bundle a worker
// whose path is only known at run time. The worker is an esbuild bundle of
// bin/document-check-worker.ts (like the CLI's), rebuilt when a source in
// lib/domain or lib/server is newer; it is server code (the react-server
// condition lets `server-only` in) and loads better-sqlite3 from node_modules.
import { execFile } from "node:child_process";
import { mkdir, readdir, rename, stat } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { Worker } from "node:worker_threads";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const entry = path.join(root, "bin/document-check-worker.ts");
const bundle = path.join(root, "node_modules/.cache/lvs-console/document-check-worker.mjs");

async function newestSource(dir) {
  let newest = 0;
  for (const e of await readdir(dir, { withFileTypes: true })) {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) newest = Math.max(newest, await newestSource(full));
    else if (e.name.endsWith(".ts")) newest = Math.max(newest, (await stat(full)).mtimeMs);
  }
  return newest;
}

let building;

/** The worker bundle, built once per change of its sources. */
function workerBundle() {
  building ??= (async () => {
    const built = await stat(bundle).then((s) => s.mtimeMs, () => 0);
    const sources = Math.max((await stat(entry)).mtimeMs, await newestSource(path.join(root, "lib/domain")), await newestSource(path.join(root, "lib/server")));
    if (built > sources) return bundle;
    await mkdir(path.dirname(bundle), { recursive: true });
    const tmp = `${bundle}.${process.pid}`;
    await promisify(execFile)(path.join(root, "node_modules/.bin/esbuild"), [
      entry, "--bundle", "--platform=node", "--format=esm", "--target=node20", "--log-level=error", "--conditions=react-server", "--external:better-sqlite3", `--outfile=${tmp}`,
    ]);
    await rename(tmp, bundle);
    return bundle;
  })().finally(() => {
    building = undefined;
  });
  return building;
}

/** Parses, validates and lints a document text in a worker thread; resolves to its DocumentCheck. */
export function checkDocumentInWorker(text) {
  return runWorker({ text });
}

/** Like checkDocumentInWorker, and a valid document's rows are written into the staging cluster by the worker (SQLite); resolves to its StagedCheck. */
export function stageDocumentInWorker(text, stage) {
  return runWorker({ text, stage });
}

async function runWorker(workerData) {
  const file = await workerBundle();
  return new Promise((resolve, reject) => {
    const worker = new Worker(file, { workerData });
    worker.once("message", (result) => {
      resolve(result);
      void worker.terminate();
    });
    worker.once("error", reject);
    worker.once("exit", (code) => {
      if (code !== 0) reject(new Error(`the document check worker exited with code ${code}`));
    });
  });
}
