import "server-only";
import { findDuplicates } from "@/lib/domain/model/document-uniqueness";
import { parseDocumentText } from "@/lib/domain/schema";
import { requirePermission } from "./auth/permissions";
import { readClusterDocument, writeClusterDocument } from "./cluster-document";
import { serializeDocument } from "./artifact-set";
import { DataError, NotFoundError } from "./data-errors";
import { db } from "./db";
import { auditChange } from "./panel-audit";
import { assertMayImportScripts } from "./script-guard";

/** Largest document accepted for upload (10,000 services fit comfortably). */
export const MAX_DOCUMENT_BYTES = 32 * 1024 * 1024;

/** The cluster's interchange document as a JSON file, recording the download. */
export async function downloadClusterDocument(clusterId: number): Promise<{ filename: string; content: string }> {
  const user = await requirePermission("export.download");
  return db.$transaction(async (tx) => {
    const doc = await readClusterDocument(clusterId, tx);
    if (!doc) throw new NotFoundError("cluster");
    const content = serializeDocument(doc);
    await auditChange(tx, user, {
      action: "document.download", targetType: "cluster", targetId: clusterId, clusterId, detail: `serial ${doc.cluster.serialNo}`,
    });
    return { filename: `${doc.cluster.name}.lvs-console.json`, content };
  });
}

/** Result of a document import. */
export interface ImportSummary {
  clusterId: number;
  clusterName: string;
  firewallMarks: number;
  virtualServers: number;
  realServers: number;
}

/**
 * Replaces a cluster's whole content with an uploaded document: validated
 * first (every problem reported with its path), then written in one
 * transaction with its audit event, so an invalid document writes nothing.
 * `source` (the router files an import came from) goes into the audit event.
 */
export async function importClusterDocument(clusterId: number, text: string, source?: string): Promise<ImportSummary> {
  const user = await requirePermission("document.import");
  if (Buffer.byteLength(text, "utf8") > MAX_DOCUMENT_BYTES) {
    throw new DataError(`The document is larger than ${MAX_DOCUMENT_BYTES / 1024 / 1024} MiB; nothing was imported.`);
  }
  const parsed = parseDocumentText(text);
  const issues = parsed.ok ? findDuplicates(parsed.doc) : parsed.issues;
  if (!parsed.ok || issues.length > 0) {
    throw new DataError(`The document has ${issues.length} error${issues.length === 1 ? "" : "s"}; nothing was imported.`, {
      fieldErrors: Object.fromEntries(issues.map((i) => [i.path, i.message])),
    });
  }
  const doc = parsed.doc;
  return db.$transaction(async (tx) => {
    const before = await readClusterDocument(clusterId, tx);
    if (!before) throw new NotFoundError("cluster");
    assertMayImportScripts(user, before, doc);
    const clash = await tx.cluster.findFirst({ where: { name: doc.cluster.name, NOT: { id: clusterId } }, select: { id: true } });
    if (clash) {
      throw new DataError("Another cluster already has the document's name; nothing was imported.", {
        fieldErrors: { "cluster.name": `"${doc.cluster.name}" is taken by another cluster; allowed: a name no other cluster uses` },
      });
    }
    await writeClusterDocument(tx, clusterId, doc);
    const after = await readClusterDocument(clusterId, tx);
    await auditChange(tx, user, {
      action: "document.import", targetType: "cluster", targetId: clusterId, clusterId, before, after, ...(source === undefined ? {} : { detail: source }),
    });
    return {
      clusterId,
      clusterName: doc.cluster.name,
      firewallMarks: doc.firewallMarks.length,
      virtualServers: doc.virtualServers.length,
      realServers: doc.virtualServers.reduce((n, v) => n + v.realServers.length, 0),
    };
  });
}
