import type * as z from "zod";
import { lvsDocumentSchema, type LvsDocument } from "./document";
import { findExcessiveDepth, MAX_DOCUMENT_DEPTH } from "./document-depth";
import { fastValidator, INVALID } from "./fast-parse";
import { formatIssues, formatPath } from "./format-issues";
import { findJsonSyntaxError } from "./json-syntax";

/** One validation problem with its path (and, for a JSON syntax error, its line and column). */
export interface DocumentIssue {
  path: string;
  message: string;
  line?: number;
  column?: number;
}

/** Outcome of validating an interchange document. */
export type ParseDocumentResult =
  | { ok: true; doc: LvsDocument }
  | { ok: false; issues: DocumentIssue[]; lines: string[] };

/**
 * Validates an unknown value (parsed JSON) as a version 1 document: the fast
 * path's answer when it accepts the value (the same output zod gives), else
 * zod's, with every message.
 */
export function parseDocument(input: unknown): ParseDocumentResult {
  const fast = fastValidator(lvsDocumentSchema)(input);
  if (fast !== INVALID) return { ok: true, doc: fast as LvsDocument };
  const r = lvsDocumentSchema.safeParse(input);
  if (r.success) return { ok: true, doc: r.data };
  return { ok: false, issues: toIssues(r.error), lines: formatIssues(r.error) };
}

/** Validates JSON text as a document; malformed JSON is reported at the document root with its line and column. */
export function parseDocumentText(text: string): ParseDocumentResult {
  const deep = findExcessiveDepth(text);
  if (deep) {
    const message = `nested more than ${MAX_DOCUMENT_DEPTH} levels deep at character ${deep.offset}; allowed: a document nested at most ${MAX_DOCUMENT_DEPTH} levels (arrays and objects)`;
    return { ok: false, issues: [{ path: "(document)", message }], lines: [`(document): ${message}`] };
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    const at = findJsonSyntaxError(text);
    const message = `not valid JSON: ${at ? at.message : e instanceof Error ? e.message : String(e)}; allowed: a JSON interchange document`;
    const where = at ? { line: at.line, column: at.column } : {};
    return { ok: false, issues: [{ path: "(document)", message, ...where }], lines: [`(document): ${message}`] };
  }
  return parseDocument(value);
}

function toIssues(error: z.ZodError): DocumentIssue[] {
  return error.issues.map((i) => ({ path: formatPath(i.path), message: i.message }));
}
