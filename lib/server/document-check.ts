import "server-only";
import { execFile } from "node:child_process";
import { mkdir, readdir, rename, stat } from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";
import { Worker } from "node:worker_threads";
import type { DocumentCheck } from "@/lib/domain/schema/check-document-text";

// Parsing, validating and linting a 10,000-service document takes seconds of
// CPU; in the request thread it would stall every other request of the
// console meanwhile. It runs in a worker thread instead, from an esbuild
// bundle of bin/document-check-worker.ts (like the CLI's), rebuilt when a
// domain source is newer.

const root = process.cwd();
const entry = path.join(/*turbopackIgnore: true*/ root, "bin/document-check-worker.ts");
const bundle = path.join(/*turbopackIgnore: true*/ root, "node_modules/.cache/lvs-console/document-check-worker.mjs");

async function newestSource(dir: string): Promise<number> {
  let newest = 0;
  for (const e of await readdir(dir, { withFileTypes: true })) {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) newest = Math.max(newest, await newestSource(full));
    else if (e.name.endsWith(".ts")) newest = Math.max(newest, (await stat(full)).mtimeMs);
  }
  return newest;
}

let building: Promise<string> | undefined;

/** The worker bundle, built (once per change of the sources) with esbuild. */
function workerBundle(): Promise<string> {
  building ??= (async () => {
    const built = await stat(bundle).then((s) => s.mtimeMs, () => 0);
    const sources = Math.max((await stat(entry)).mtimeMs, await newestSource(path.join(/*turbopackIgnore: true*/ root, "lib/domain")));
    if (built > sources) return bundle;
    await mkdir(path.dirname(bundle), { recursive: true });
    const tmp = `${bundle}.${process.pid}`;
    await promisify(execFile)(path.join(/*turbopackIgnore: true*/ root, "node_modules/.bin/esbuild"), [
      entry, "--bundle", "--platform=node", "--format=esm", "--target=node20", "--log-level=error", `--outfile=${tmp}`,
    ]);
    await rename(tmp, bundle);
    return bundle;
  })().finally(() => {
    building = undefined;
  });
  return building;
}

/** Parses, validates and lints a document text in a worker thread. */
export async function checkDocumentInWorker(text: string): Promise<DocumentCheck> {
  const file = await workerBundle();
  return new Promise((resolve, reject) => {
    const worker = new Worker(file, { workerData: { text } });
    worker.once("message", (result: DocumentCheck) => {
      resolve(result);
      void worker.terminate();
    });
    worker.once("error", reject);
    worker.once("exit", (code) => {
      if (code !== 0) reject(new Error(`the document check worker exited with code ${code}`));
    });
  });
}
