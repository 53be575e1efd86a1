import "server-only";
import { lintDocument, type Diagnostic } from "@/lib/domain/lint";
import { adoptCurrentNames, diffDocuments, type DocumentDiff } from "@/lib/domain/import/diff-documents";
import { isImportFormat } from "@/lib/domain/import/detect-format";
import { importFiles } from "@/lib/domain/import/import-files";
import { memoryReader } from "@/lib/domain/import/include-reader";
import { MAX_INPUT_BYTES, type ImportMessage } from "@/lib/domain/import/messages";
import type { LvsDocument } from "@/lib/domain/schema";
import { serializeDocument, sha256 } from "./artifact-set";
import { clusterRoleCan, clusterRoleOf, requireClusterPermission } from "./auth/cluster-access";
import { readClusterDocument } from "./cluster-document";
import { DataError, NotFoundError } from "./data-errors";
import { applyClusterDocument, type ImportSummary } from "./document-transfer";

/** One uploaded file. */
export interface UploadedFile {
  name: string;
  text: string;
}

/** Most files one import takes (a router's lvs.cf or keepalived.conf with its includes and rule files). */
export const MAX_UPLOAD_FILES = 32;

/** What the Import page shows before anything is written. */
export interface ImportPreview {
  files: { name: string; format: string; sha256: string }[];
  messages: ImportMessage[];
  diff: DocumentDiff | null;
  diagnostics: Diagnostic[];
  /** True when cluster settings were left as they are (the user is not an admin). */
  settingsKept: boolean;
  /** Checksums that tie a confirmation to this preview: the cluster as it was and the document it would become. */
  baseSha256: string;
  resultSha256: string;
  invalid: string[];
}

interface Built {
  preview: ImportPreview;
  doc: LvsDocument | null;
}

// The preview and the confirmation run this same function on the same files,
// so what is applied is exactly what was shown (the checksums prove it).
async function build(clusterId: number, files: readonly UploadedFile[], format: string | undefined, isAdmin: boolean): Promise<Built> {
  if (files.length === 0) throw new DataError("Choose at least one router file or JSON document.", { fieldErrors: { files: "required" } });
  if (files.length > MAX_UPLOAD_FILES) throw new DataError(`At most ${MAX_UPLOAD_FILES} files at once; nothing was imported.`);
  if (format !== undefined && !isImportFormat(format)) throw new DataError("Unknown format; nothing was imported.", { fieldErrors: { format: "allowed: lvs.cf, keepalived, ipvsadm, iptables, nft" } });
  for (const f of files) {
    if (f.text.length > MAX_INPUT_BYTES) throw new DataError(`${f.name} is larger than ${MAX_INPUT_BYTES / 1024 / 1024} MiB; nothing was imported.`);
  }
  const current = await readClusterDocument(clusterId);
  if (!current) throw new NotFoundError("cluster");
  const result = importFiles(
    files.map((f) => ({ name: f.name, text: f.text, ...(format === undefined ? {} : { format }) })),
    { clusterName: current.cluster.name, reader: memoryReader(new Map(files.map((f) => [f.name, f.text]))) },
  );
  const messages = result.messages;
  let doc = result.document;
  const settingsKept = doc !== null && !isAdmin;
  if (doc && !isAdmin) {
    doc = { ...doc, cluster: current.cluster };
    messages.push({ severity: "note", file: files[0]?.name ?? "", line: 1, message: "cluster settings are left as they are: only an admin of this cluster changes them", subject: "cluster" });
  }
  if (doc) {
    const aligned = adoptCurrentNames(current, doc);
    doc = aligned.doc;
    for (const m of messages) {
      const name = m.subject?.startsWith("virtualServer:") ? aligned.renames.get(m.subject.slice("virtualServer:".length)) : undefined;
      if (name !== undefined) m.subject = `virtualServer:${name}`;
    }
  }
  const baseSha256 = sha256(serializeDocument(current));
  return {
    doc,
    preview: {
      files: files.map((f) => ({ name: f.name, format: result.formats.find((x) => x.name === f.name)?.format ?? "not read", sha256: sha256(f.text) })),
      messages, settingsKept, baseSha256,
      diff: doc ? diffDocuments(current, doc) : null,
      diagnostics: doc ? lintDocument(doc) : [],
      resultSha256: doc ? sha256(serializeDocument(doc)) : "",
      invalid: result.invalid,
    },
  };
}

/** What importing these files would change in the cluster; writes nothing. */
export async function previewRouterImport(clusterId: number, files: readonly UploadedFile[], format?: string): Promise<ImportPreview> {
  const user = await requireClusterPermission(clusterId, "document.import");
  return (await build(clusterId, files, format, clusterRoleCan(await clusterRoleOf(user, clusterId), "cluster.write"))).preview;
}

/** Applies the previewed import in one transaction with its audit event; refused when the cluster or the result moved on since the preview. */
export async function applyRouterImport(
  clusterId: number, files: readonly UploadedFile[], format: string | undefined, expected: { baseSha256: string; resultSha256: string },
): Promise<ImportSummary> {
  const user = await requireClusterPermission(clusterId, "document.import");
  const { doc, preview } = await build(clusterId, files, format, clusterRoleCan(await clusterRoleOf(user, clusterId), "cluster.write"));
  if (!doc) throw new DataError("These files do not make a valid document; nothing was imported.");
  if (preview.baseSha256 !== expected.baseSha256 || preview.resultSha256 !== expected.resultSha256) {
    throw new DataError("The cluster changed since the preview (or the files differ); preview again before applying. Nothing was imported.");
  }
  const source = `files: ${preview.files.map((f) => `${f.name} (${f.format}, sha256 ${f.sha256})`).join(", ")}`;
  return applyClusterDocument(clusterId, doc, source);
}
