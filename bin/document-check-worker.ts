// Worker-thread entry of an import: parse, validate and lint off the request
// thread (lib/server/document-check.ts starts it with the text as workerData).
import { parentPort, workerData } from "node:worker_threads";
import { checkDocumentText } from "../lib/domain/schema/check-document-text";

parentPort?.postMessage(checkDocumentText((workerData as { text: string }).text));
