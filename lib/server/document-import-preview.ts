import "server-only";
import { formClusterId } from "./actions/cluster-id";
import { diffDocuments } from "@/lib/domain/import/diff-documents";
import { trimDiff, type TrimmedDiff } from "@/lib/domain/import/trim-diff";
import { serializeDocument, sha256 } from "./artifact-set";
import { clusterRoleCan, clusterRoleOf, requireClusterPermission } from "./auth/cluster-access";
import { readClusterDocument } from "./cluster-document";
import { DataError, NotFoundError } from "./data-errors";
import { checkDocumentInWorker } from "./document-check";
import { changedClusterSettings, documentErrors, documentTooLarge, importClusterDocument, MAX_DOCUMENT_BYTES, type ImportSummary } from "./document-transfer";
import { withSerial } from "./export-documents";

/** What uploading an interchange document would change, shown before anything is written. */
export interface DocumentImportPreview {
  diff: TrimmedDiff;
  /** Cluster settings the document holds but the caller's role leaves as they are (empty for an admin). */
  settingsKept: string[];
  diagnostics: { errors: number; warnings: number };
  /** Ties a confirmation to this preview: the cluster as it is and the uploaded text. */
  baseSha256: string;
  documentSha256: string;
}

/** What importing this interchange document would change; writes nothing. Invalid JSON is refused with its line and column. */
export async function previewDocumentImport(clusterId: number, text: string): Promise<DocumentImportPreview> {
  const user = await requireClusterPermission(clusterId, "document.import");
  const bytes = Buffer.byteLength(text, "utf8");
  if (bytes > MAX_DOCUMENT_BYTES) throw documentTooLarge(bytes);
  const checked = await checkDocumentInWorker(text);
  if (!checked.ok) throw documentErrors(checked.issues);
  const current = await readClusterDocument(clusterId);
  if (!current) throw new NotFoundError("cluster");
  const isAdmin = clusterRoleCan(await clusterRoleOf(user, clusterId), "cluster.write");
  const target = isAdmin ? withSerial(checked.doc, current.cluster.serialNo) : { ...checked.doc, cluster: current.cluster };
  return {
    diff: trimDiff(diffDocuments(current, target)),
    settingsKept: isAdmin ? [] : changedClusterSettings(current.cluster, checked.doc.cluster),
    diagnostics: checked.diagnostics,
    baseSha256: sha256(serializeDocument(current)),
    documentSha256: sha256(text),
  };
}

/** Imports the previewed document; refused when the cluster or the file changed since the preview. */
export async function importPreviewedDocument(clusterId: number, text: string, expected: { baseSha256: string; documentSha256: string }): Promise<ImportSummary> {
  await requireClusterPermission(clusterId, "document.import");
  const current = await readClusterDocument(clusterId);
  if (!current) throw new NotFoundError("cluster");
  if (sha256(serializeDocument(current)) !== expected.baseSha256 || sha256(text) !== expected.documentSha256) {
    throw new DataError("The cluster or the file changed since the preview; preview again before importing. Nothing was imported.");
  }
  return importClusterDocument(clusterId, text);
}

/** The cluster id and the uploaded document of a document import form (fields `clusterId`, `document`); size refused before reading. */
export async function readDocumentUpload(formData: FormData): Promise<{ clusterId: number; text: string }> {
  const form = formData instanceof FormData ? formData : new FormData();
  const id = formClusterId(form);
  const file = form.get("document");
  if (!(file instanceof Blob) || file.size === 0) {
    throw new DataError("Choose a JSON interchange document to upload.", { fieldErrors: { document: "required; allowed: a .json file" } });
  }
  if (file.size > MAX_DOCUMENT_BYTES) throw documentTooLarge(file.size);
  return { clusterId: id, text: await file.text() };
}
