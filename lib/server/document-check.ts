import "server-only";
import path from "node:path";
import { pathToFileURL } from "node:url";
import type { DocumentCheck } from "@/lib/domain/schema/check-document-text";
import type { StagedCheck } from "./sqlite-staging-writer";

// Parsing, validating and linting a 10,000-service document takes seconds of
// CPU; in the request thread it would stall every other request meanwhile. It
// runs in a worker thread, started by scripts/document-check.mjs, which is
// loaded at run time so that the bundler leaves the worker alone. With SQLite
// the worker also writes the rows (sqlite-staging-writer.ts): building and
// inserting 110,000 rows here took most of this thread's time during an import.

type Runner = {
  checkDocumentInWorker: (text: string) => Promise<DocumentCheck>;
  stageDocumentInWorker: (text: string, stage: { databaseFile: string; stagingId: number }) => Promise<StagedCheck>;
};
let runner: Promise<Runner> | undefined;

const load = () =>
  (runner ??= import(/* turbopackIgnore: true */ /* webpackIgnore: true */ pathToFileURL(path.join(/*turbopackIgnore: true*/ process.cwd(), "scripts/document-check.mjs")).href) as Promise<Runner>);

/** Parses, validates and lints a document text in a worker thread. */
export async function checkDocumentInWorker(text: string): Promise<DocumentCheck> {
  return (await load()).checkDocumentInWorker(text);
}

/** Checks a document text in a worker thread that, when it is valid, writes its rows into the staging cluster of the SQLite file. */
export async function stageDocumentInWorker(text: string, databaseFile: string, stagingId: number): Promise<StagedCheck> {
  return (await load()).stageDocumentInWorker(text, { databaseFile, stagingId });
}
