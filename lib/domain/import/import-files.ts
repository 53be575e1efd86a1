import { findDuplicates } from "../model/document-uniqueness";
import { parseDocument, parseDocumentText, type LvsDocument } from "../schema";
import { combineImports } from "./combine";
import { detectFormat, IMPORT_FORMATS, type ImportFormat } from "./detect-format";
import type { IncludeReader } from "./include-reader";
import type { ImportedMarkRule } from "./mark-rules";
import { checkReadable, MessageLog, type ImportMessage } from "./messages";
import { parseIptablesSave, parseIptablesScript } from "./parse-iptables";
import { parseIpvsadmSave } from "./parse-ipvsadm";
import { parseKeepalived } from "./parse-keepalived";
import { parseLvsCf } from "./parse-lvs-cf";
import { parseNftRuleset } from "./parse-nft";
import type { ServicesResult } from "./services";

const INCLUDES = /^\s*include\s/m;

/** One input file: its name (as the operator knows it) and text. */
export interface ImportFile {
  name: string;
  text: string;
  /** Format given by the operator; detected from the content when absent. */
  format?: ImportFormat;
}

/** Options of an import. */
export interface ImportOptions {
  clusterName?: string;
  /** Resolves keepalived `include` (the CLI: the filesystem; the web: the other uploaded files). */
  reader?: IncludeReader;
}

/** The outcome: a valid document (unless something could not be read) and every message. */
export interface ImportResult {
  document: LvsDocument | null;
  messages: ImportMessage[];
  /** Which format each file was read as. */
  formats: { name: string; format: ImportFormat | "document" }[];
  /** Validation problems of the combined document (the document is null then). */
  invalid: string[];
}

// Files reached through `include` are read with the file that includes them and
// are not imported a second time when they were also given on their own.
/** Imports router files (or one JSON document) into one version-1 document. */
export function importFiles(files: readonly ImportFile[], options: ImportOptions = {}): ImportResult {
  const messages: ImportMessage[] = [];
  const formats: ImportResult["formats"] = [];
  const serviceFiles: ServicesResult[] = [];
  const rules: ImportedMarkRule[] = [];
  let document: LvsDocument | null = null;
  const included = new Set<string>();
  // Files that include others go first, so a file given both on its own and through an include is read once.
  const ordered = [...files].sort((a, b) => Number(INCLUDES.test(b.text)) - Number(INCLUDES.test(a.text)));
  for (const file of ordered) {
    if (included.has(file.name)) continue;
    const log = new MessageLog(file.name, messages);
    if (!checkReadable(file.text, log)) continue;
    const format = file.format ?? detectFormat(file.text);
    if (format === null) {
      log.error(1, 1, `not a format the import reads; allowed: ${IMPORT_FORMATS.join(", ")} (or a JSON interchange document)`);
      continue;
    }
    formats.push({ name: file.name, format });
    if (format === "document") {
      if (files.length > 1) log.error(1, 1, "a JSON document replaces everything: give it alone, not with router files");
      const r = parseDocumentText(file.text);
      if (r.ok) document = r.doc;
      else for (const [k, line] of r.lines.entries()) log.error(r.issues[k]?.line ?? 1, r.issues[k]?.column ?? 1, line);
      continue;
    }
    const parsed = parseOne(file, format, options.reader);
    messages.push(...parsed.messages);
    if ("services" in parsed) {
      serviceFiles.push(parsed);
      for (const m of parsed.messages) if (m.message.startsWith("included ")) included.add(m.message.slice("included ".length));
    } else rules.push(...parsed.rules);
  }
  if (messages.some((m) => m.severity === "error")) return { document: null, messages, formats, invalid: [] };
  if (formats.some((f) => f.format === "document")) return { document, messages, formats, invalid: [] };
  const combined = combineImports(serviceFiles, rules, options.clusterName);
  messages.push(...combined.messages);
  const r = parseDocument(combined.document);
  if (!r.ok) return { document: null, messages, formats, invalid: r.lines };
  const duplicates = findDuplicates(r.doc).map((d) => `${d.path}: ${d.message}`);
  return { document: duplicates.length > 0 ? null : r.doc, messages, formats, invalid: duplicates };
}

function parseOne(file: ImportFile, format: ImportFormat, reader: IncludeReader | undefined): ServicesResult | { rules: ImportedMarkRule[]; messages: ImportMessage[] } {
  switch (format) {
    case "lvs.cf":
      return parseLvsCf(file.text, file.name);
    case "keepalived":
      return parseKeepalived(file.text, file.name, reader);
    case "ipvsadm":
      return parseIpvsadmSave(file.text, file.name);
    case "nft":
      return parseNftRuleset(file.text, file.name);
    case "iptables":
      return /^\*\w+\s*$/m.test(file.text) ? parseIptablesSave(file.text, file.name) : parseIptablesScript(file.text, file.name);
  }
}

/** True when anything in the files was not imported (a warning), the CLI's --strict test. */
export function hasUnimported(messages: readonly ImportMessage[]): boolean {
  return messages.some((m) => m.severity === "warning" || m.severity === "error");
}
