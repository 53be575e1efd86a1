// Worker-thread entry of an import: parse, validate and lint off the request
// thread (lib/server/document-check.ts starts it with the text as workerData);
// with `stage`, also write the valid document's rows into that staging cluster
// of the SQLite file, so that only a summary comes back.
import { parentPort, workerData } from "node:worker_threads";
import { checkDocumentText } from "../lib/domain/schema/check-document-text";
import { checkAndStageDocument } from "../lib/server/sqlite-staging-writer";

const { text, stage } = workerData as { text: string; stage?: { databaseFile: string; stagingId: number } };
parentPort?.postMessage(stage ? checkAndStageDocument(text, stage.databaseFile, stage.stagingId) : checkDocumentText(text));
