import "server-only";
import { diffDocuments } from "@/lib/domain/import/diff-documents";
import { trimDiff, type TrimmedDiff } from "@/lib/domain/import/trim-diff";
import type { LvsDocument } from "@/lib/domain/schema";
import { buildArtifactSet, serializeDocument, sha256 } from "./artifact-set";
import { clusterRoleCan, clusterRoleOf } from "./auth/cluster-access";
import type { SessionUser } from "./auth/session";
import { requireObjectPermission } from "./cluster-owner";
import { readClusterDocument } from "./cluster-document";
import { DataError, NotFoundError } from "./data-errors";
import { db } from "./db";
import { applyClusterDocument, changedClusterSettings, type ImportSummary } from "./document-transfer";
import { readStoredExport, withSerial, type StoredExport } from "./export-documents";
import { auditChange } from "./panel-audit";
import type { ExportSummary } from "./exports";

/** What restoring an export would change, shown before anything is written. */
export interface RestorePreview {
  export: ExportSummary;
  clusterId: number;
  diff: TrimmedDiff;
  /** Cluster settings the export holds but the caller's role leaves as they are (empty for an admin). */
  settingsKept: string[];
  /** False when the content now is already stored in an export; otherwise the restore first keeps it as a snapshot export. */
  currentIsExported: boolean;
  /** Ties a confirmation to this preview: the cluster as it is and the document it would become. */
  baseSha256: string;
  resultSha256: string;
}

/** Result of a restore: the import summary plus the export that keeps the content it replaced. */
export interface RestoreResult extends ImportSummary {
  restoredExportId: number;
  /** Export holding the content before the restore (a snapshot made for it, or the export that already held it). */
  previousExportId: number | null;
}

interface Planned {
  user: SessionUser;
  stored: StoredExport;
  current: LvsDocument;
  preview: RestorePreview;
}

// How many recent exports are searched for the content a restore replaces.
const HOLDER_SEARCH = 50;

// An export "holds" the content when it stored the same document at its own
// serial number (a restore brings it back exactly, the serial aside); the
// document is hashed once per serial number among the recent exports.
async function findExportHolding(clusterId: number, doc: LvsDocument): Promise<number | undefined> {
  const recent = await db.export.findMany({
    where: { clusterId }, orderBy: { id: "desc" }, take: HOLDER_SEARCH, select: { id: true, serialNo: true, documentSha256: true },
  });
  const bySerial = new Map<number, string>();
  for (const e of recent) {
    if (!bySerial.has(e.serialNo)) bySerial.set(e.serialNo, sha256(serializeDocument(withSerial(doc, e.serialNo))));
    if (bySerial.get(e.serialNo) === e.documentSha256) return e.id;
  }
  return undefined;
}

// Restore and its preview run this same plan, so what is written is what was shown (the checksums prove it).
async function plan(exportId: number): Promise<Planned> {
  const user = await requireObjectPermission("export", exportId, "document.import");
  const stored = await readStoredExport(exportId);
  const current = await readClusterDocument(stored.clusterId);
  if (!current) throw new NotFoundError("cluster");
  const isAdmin = clusterRoleCan(await clusterRoleOf(user, stored.clusterId), "cluster.write");
  // The serial number only counts saves; the restore moves it forward like any other change.
  const target = isAdmin ? withSerial(stored.doc, current.cluster.serialNo) : { ...stored.doc, cluster: current.cluster };
  const baseSha256 = sha256(serializeDocument(current));
  const holder = await findExportHolding(stored.clusterId, current);
  return {
    user, stored, current,
    preview: {
      export: stored.summary,
      clusterId: stored.clusterId,
      diff: trimDiff(diffDocuments(current, target)),
      settingsKept: isAdmin ? [] : changedClusterSettings(current.cluster, stored.doc.cluster),
      currentIsExported: holder !== undefined,
      baseSha256,
      resultSha256: sha256(serializeDocument(target)),
    },
  };
}

/** What restoring an export as its cluster's content would change; writes nothing. */
export async function previewExportRestore(exportId: number): Promise<RestorePreview> {
  return (await plan(exportId)).preview;
}

// The content a restore replaces stays restorable: unless an export already
// holds it, it is stored as an export of its own (artifacts without errors, as
// createExport stores them), marked in its comment.
async function keepCurrentContent(user: SessionUser, clusterId: number, current: LvsDocument, restoredId: number): Promise<number> {
  const held = await findExportHolding(clusterId, current);
  if (held !== undefined) return held;
  const set = buildArtifactSet(current);
  const exported = set.artifacts.filter((a) => a.withheld.length === 0);
  return db.$transaction(async (tx) => {
    const created = await tx.export.create({
      data: {
        clusterId, serialNo: current.cluster.serialNo, authorId: user.userId, authorName: user.username,
        comment: `Content before restoring export #${restoredId} (kept automatically)`,
        document: set.documentJson, documentSha256: set.documentSha256,
        artifacts: { create: exported.map((a) => ({ format: a.format, filename: a.filename, content: a.text, sha256: a.sha256 })) },
      },
    });
    await auditChange(tx, user, {
      action: "export.create", targetType: "export", targetId: String(created.id), clusterId,
      detail: `kept the content before restoring export #${restoredId}`,
      after: { serialNo: created.serialNo, documentSha256: set.documentSha256, artifacts: Object.fromEntries(exported.map((a) => [a.filename, a.sha256])) },
    });
    return created.id;
  });
}

/**
 * Restores an export as its cluster's content through the one import write path
 * (applyClusterDocument: same permission, cluster settings admin-only, one audit
 * event naming the export). The content it replaces is kept as an export, so a
 * restore is undone by restoring that one. Refused when the cluster or the
 * export's result moved on since the preview.
 */
export async function restoreExport(exportId: number, expected: { baseSha256: string; resultSha256: string }): Promise<RestoreResult> {
  const { user, stored, current, preview } = await plan(exportId);
  if (preview.baseSha256 !== expected.baseSha256 || preview.resultSha256 !== expected.resultSha256) {
    throw new DataError("The cluster changed since this restore was previewed; review the changes again. Nothing was restored.");
  }
  const summary = await applyClusterDocument(
    stored.clusterId, stored.doc, `restore of export #${exportId} (serial ${stored.summary.serialNo}, document sha256 ${stored.summary.documentSha256})`,
  );
  const previousExportId = await keepCurrentContent(user, stored.clusterId, current, exportId);
  return { ...summary, restoredExportId: exportId, previousExportId };
}
