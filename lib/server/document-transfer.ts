import "server-only";
import { contentCounts } from "@/lib/domain/model/content-counts";
import { findDuplicates } from "@/lib/domain/model/document-uniqueness";
import { scriptCarriersOf, type ScriptCarrierAt } from "@/lib/domain/model/script-fields";
import type { LvsDocument } from "@/lib/domain/schema";
import { MAX_DOCUMENT_BYTES } from "@/lib/domain/schema/document-limits";
import { clusterRoleCan, clusterRoleOf, requireClusterPermission } from "./auth/cluster-access";
import { countClusterContent, readClusterDocument, readClusterHead } from "./cluster-document";
import { serializeDocument } from "./artifact-set";
import { DataError, isUniqueViolation, NotFoundError } from "./data-errors";
import { checkDocumentInWorker, stageDocumentInWorker } from "./document-check";
import { db, snapshotTransaction, type Tx } from "./db";
import { createStagingCluster, dropHiddenCluster, replaceClusterContent, swapStagedContent } from "./document-write";
import { env } from "./env";
import type { DeliveryOptions } from "./exports";
import { auditChange } from "./panel-audit";
import { assertMayImportScripts } from "./script-guard";
import type { StagedCheck } from "./sqlite-staging-writer";

export { MAX_DOCUMENT_BYTES };

/** The refusal of a document over MAX_DOCUMENT_BYTES, before any work is done. */
export function documentTooLarge(bytes: number): DataError {
  const mib = (n: number) => (n / 1024 / 1024).toFixed(1);
  return new DataError(`The document is ${mib(bytes)} MiB; at most ${MAX_DOCUMENT_BYTES / 1024 / 1024} MiB can be imported. Nothing was imported.`, {
    fieldErrors: { document: `got ${mib(bytes)} MiB; allowed: at most ${MAX_DOCUMENT_BYTES / 1024 / 1024} MiB` },
  });
}

/** The cluster's interchange document as a JSON file, recording the download (GET only). */
export async function downloadClusterDocument(clusterId: number, { record = true }: DeliveryOptions = {}): Promise<{ filename: string; content: string }> {
  const user = await requireClusterPermission(clusterId, "export.download");
  return db.$transaction(async (tx) => {
    const doc = await readClusterDocument(clusterId, tx);
    if (!doc) throw new NotFoundError("cluster");
    const content = serializeDocument(doc);
    if (record) {
      await auditChange(tx, user, {
        action: "document.download", targetType: "cluster", targetId: clusterId, clusterId, detail: `serial ${doc.cluster.serialNo}`,
      });
    }
    return { filename: `${doc.cluster.name}.lvs-console.json`, content };
  }, snapshotTransaction());
}

/** Result of a document import. */
export interface ImportSummary {
  clusterId: number;
  clusterName: string;
  firewallMarks: number;
  virtualServers: number;
  realServers: number;
  /** "replaced" when the document's cluster settings were written; "kept" when the caller's role left them as they were. */
  clusterSettings: "replaced" | "kept";
  /** What the operator must know about the import (settings left untouched and which ones the document wanted to change). */
  notice?: string;
  /** Lint findings of the imported document, when the import linted it. */
  diagnostics?: { errors: number; warnings: number };
}

/** Top-level cluster settings (name, primary, backup, …) that differ between two documents; the serial number is not a setting. */
export function changedClusterSettings(before: LvsDocument["cluster"], after: LvsDocument["cluster"]): string[] {
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
  keys.delete("serialNo");
  const get = (c: LvsDocument["cluster"], k: string) => JSON.stringify((c as Record<string, unknown>)[k] ?? null);
  return [...keys].filter((k) => get(before, k) !== get(after, k)).sort();
}

/**
 * Applies a validated document to a cluster: the one write path of every import
 * (interchange JSON here, the importer's parsers too). Cluster settings (Global
 * settings and Redundancy) change only for a role that may edit them there
 * (cluster.write); anyone else replaces bundles and virtual servers while the
 * settings stay exactly as they were, and the summary says so. The rows are
 * written in short steps and swapped in at once with the audit event
 * (document-write.ts), so a refusal writes nothing and other requests go on.
 */
export async function applyClusterDocument(clusterId: number, doc: LvsDocument, source = "document"): Promise<ImportSummary> {
  await requireClusterPermission(clusterId, "document.import");
  const duplicates = findDuplicates(doc);
  if (duplicates.length > 0) throw documentErrors(duplicates);
  return applyIncoming(clusterId, incomingDocument(clusterId, doc), source);
}

/** A document held in this thread: its rows are written to a staging cluster at the swap. */
function incomingDocument(clusterId: number, doc: LvsDocument): Incoming {
  return {
    cluster: doc.cluster,
    counts: contentCounts(doc),
    scriptCarriers: scriptCarriersOf(doc),
    swapIn: (version, cluster, finish, serialNo) => replaceClusterContent(clusterId, version, { ...doc, cluster }, finish, serialNo),
    discard: async () => undefined,
  };
}

/** A checked document on its way in: what the permission checks and the summary read, and how its rows are swapped in. */
interface Incoming {
  cluster: LvsDocument["cluster"];
  counts: { firewallMarks: number; virtualServers: number; realServers: number };
  scriptCarriers: readonly ScriptCarrierAt[];
  /** Swaps the rows in with these cluster settings (writing them to a staging cluster first, unless the worker did). */
  swapIn: (expectedVersion: number, cluster: LvsDocument["cluster"], finish: (tx: Tx) => Promise<ImportSummary>, expectedSerialNo: number) => Promise<ImportSummary>;
  /** Drops rows already staged when the import is refused before the swap. */
  discard: () => Promise<void>;
}

async function applyIncoming(clusterId: number, incoming: Incoming, source: string, diagnostics?: ImportSummary["diagnostics"]): Promise<ImportSummary> {
  let swapping = false;
  try {
    const user = await requireClusterPermission(clusterId, "document.import");
    const role = await clusterRoleOf(user, clusterId);
    const maySetSettings = clusterRoleCan(role, "cluster.write");
    const head = await readClusterHead(clusterId);
    if (!head) throw new NotFoundError("cluster");
    // Scripts run as root on the routers: a document that adds or changes one needs an admin of this cluster.
    if (!clusterRoleCan(role, "script.write") && incoming.scriptCarriers.length > 0) {
      assertMayImportScripts(role, (await readClusterDocument(clusterId))!, incoming.scriptCarriers);
    }
    const refused = maySetSettings ? [] : changedClusterSettings(head.cluster, incoming.cluster);
    const cluster = maySetSettings ? incoming.cluster : head.cluster;
    const clash = maySetSettings && (await db.cluster.findFirst({ where: { name: cluster.name, NOT: { id: clusterId } }, select: { id: true } }));
    if (clash) throw nameTaken(cluster.name);
    const { counts } = incoming;
    const notice = refused.length === 0
      ? maySetSettings ? undefined : "Cluster settings were left as they are: only an admin of this cluster may change them."
      : `Cluster settings were left as they are: only an admin of this cluster may change them. The document's ${refused.join(", ")} ${refused.length === 1 ? "was" : "were"} not applied.`;
    const before = { cluster: head.cluster, ...(await countClusterContent(clusterId)) };
    swapping = true; // from here on, a failed swap drops the staged rows itself
    return await incoming.swapIn(head.version, cluster, async (tx) => {
      await auditChange(tx, user, {
        action: "document.import", targetType: "cluster", targetId: clusterId, clusterId,
        before, after: { cluster: { ...cluster, serialNo: head.cluster.serialNo + 1 }, ...counts },
        detail: `${source}${notice ? `; ${notice}` : ""}`,
      });
      return {
        clusterId, clusterName: cluster.name, ...counts,
        clusterSettings: maySetSettings ? "replaced" : "kept",
        ...(notice ? { notice } : {}),
        ...(diagnostics ? { diagnostics } : {}),
      } satisfies ImportSummary;
    }, head.cluster.serialNo);
  } catch (error) {
    if (!swapping) await incoming.discard();
    if (isUniqueViolation(error)) throw nameTaken(incoming.cluster.name);
    throw error;
  }
}

function nameTaken(name: string): DataError {
  return new DataError("Another cluster already has the document's name; nothing was imported.", {
    fieldErrors: { "cluster.name": `"${name}" is taken by another cluster; allowed: a name no other cluster uses` },
  });
}

/**
 * Replaces a cluster's whole content with an uploaded interchange document:
 * size checked first, then parsed, validated (every problem reported with its
 * path) and linted in a worker thread, then applied like applyClusterDocument,
 * so an invalid document writes nothing.
 */
export async function importClusterDocument(clusterId: number, text: string): Promise<ImportSummary> {
  await requireClusterPermission(clusterId, "document.import");
  const bytes = Buffer.byteLength(text, "utf8");
  if (bytes > MAX_DOCUMENT_BYTES) throw documentTooLarge(bytes);
  const { databaseProvider, databaseFile } = env();
  if (databaseProvider !== "sqlite") {
    // Parsing, validation and lint run in a worker thread: seconds of CPU for a large document.
    const checked = await checkDocumentInWorker(text);
    if (!checked.ok) throw documentErrors(checked.issues);
    return applyIncoming(clusterId, incomingDocument(clusterId, checked.doc), "document", checked.diagnostics);
  }
  // SQLite: the worker also writes the rows into a staging cluster through its own connection.
  const stagingId = await createStagingCluster(clusterId);
  const discard = () => dropHiddenCluster(stagingId);
  let checked: StagedCheck;
  try {
    checked = await stageDocumentInWorker(text, databaseFile, stagingId);
  } catch (error) {
    await discard();
    throw error;
  }
  if (!checked.ok) {
    await discard();
    throw documentErrors(checked.issues);
  }
  const { staged } = checked;
  return applyIncoming(clusterId, {
    cluster: staged.cluster,
    counts: staged.counts,
    scriptCarriers: staged.scriptCarriers,
    swapIn: (version, cluster, finish, serialNo) => swapStagedContent(clusterId, version, cluster, stagingId, finish, serialNo),
    discard,
  }, "document", staged.diagnostics);
}

/** The refusal of an invalid document, every problem keyed by its path. */
export function documentErrors(issues: readonly { path: string; message: string }[]): DataError {
  return new DataError(`The document has ${issues.length} error${issues.length === 1 ? "" : "s"}; nothing was imported.`, {
    fieldErrors: Object.fromEntries(issues.map((i) => [i.path, i.message])),
  });
}
