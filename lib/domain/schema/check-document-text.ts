import { lintDocument } from "../lint";
import { deriveModel } from "../model/derive-model";
import { findDuplicates } from "../model/document-uniqueness";
import type { LvsDocument } from "./document";
import { parseDocumentText, type DocumentIssue } from "./parse-document";

/** What an import needs to know about a document before writing it: the validated document and its lint counts, or every problem. */
export type DocumentCheck =
  | { ok: true; doc: LvsDocument; diagnostics: { errors: number; warnings: number } }
  | { ok: false; issues: DocumentIssue[] };

/** Parses, validates (schema and uniqueness) and lints a JSON interchange document: the CPU-heavy half of an import. */
export function checkDocumentText(text: string): DocumentCheck {
  const parsed = parseDocumentText(text);
  if (!parsed.ok) return { ok: false, issues: parsed.issues };
  const model = deriveModel(parsed.doc);
  const duplicates = findDuplicates(model);
  if (duplicates.length > 0) return { ok: false, issues: duplicates };
  const found = lintDocument(model);
  return {
    ok: true,
    doc: parsed.doc,
    diagnostics: { errors: found.filter((d) => d.severity === "error").length, warnings: found.filter((d) => d.severity === "warning").length },
  };
}
