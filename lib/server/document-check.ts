import "server-only";
import path from "node:path";
import { pathToFileURL } from "node:url";
import type { DocumentCheck } from "@/lib/domain/schema/check-document-text";

// Parsing, validating and linting a 10,000-service document takes seconds of
// CPU; in the request thread it would stall every other request meanwhile. It
// runs in a worker thread, started by scripts/document-check.mjs, which is
// loaded at run time so that the bundler leaves the worker alone.

type Runner = { checkDocumentInWorker: (text: string) => Promise<DocumentCheck> };
let runner: Promise<Runner> | undefined;

/** Parses, validates and lints a document text in a worker thread. */
export async function checkDocumentInWorker(text: string): Promise<DocumentCheck> {
  runner ??= import(/* turbopackIgnore: true */ /* webpackIgnore: true */ pathToFileURL(path.join(/*turbopackIgnore: true*/ process.cwd(), "scripts/document-check.mjs")).href) as Promise<Runner>;
  return (await runner).checkDocumentInWorker(text);
}
