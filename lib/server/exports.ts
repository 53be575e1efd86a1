import "server-only";
import type { Diagnostic } from "@/lib/domain/lint";
import type { ExportRequest } from "@/lib/domain/schema/export-request";
import { buildArtifactSet } from "./artifact-set";
import { requireClusterPermission } from "./auth/cluster-access";
import { requireObjectPermission } from "./cluster-owner";
import { readClusterDocument } from "./cluster-document";
import { db, snapshotTransaction, type Tx } from "./db";
import { auditChange } from "./panel-audit";
import { routerIdDiagnostics } from "./router-id-lint";

/** Summary of an export: what the history lists and the preview compares against. */
export interface ExportSummary {
  id: number;
  createdAt: string;
  serialNo: number;
  authorName: string;
  comment: string;
  documentSha256: string;
}

/** Plain summary of an export row. */
export function toExportSummary(e: {
  id: number; createdAt: Date; serialNo: number; authorName: string; comment: string; documentSha256: string;
}): ExportSummary {
  return {
    id: e.id, createdAt: e.createdAt.toISOString(), serialNo: e.serialNo, authorName: e.authorName,
    comment: e.comment, documentSha256: e.documentSha256,
  };
}

/** Which export is a cluster's last: the highest id (creation times can tie). Spread into a findFirst. */
export function lastExportOf(clusterId: number) {
  return { where: { clusterId }, orderBy: { id: "desc" as const } };
}

/** The last export of a cluster, with its artifacts. No authorization: callers check it. */
export async function findLastExport(clusterId: number, tx: Tx | typeof db = db) {
  return tx.export.findFirst({ ...lastExportOf(clusterId), include: { artifacts: true } });
}

// The content serial moves with every saved change (cluster-serial.ts) and an
// export records the serial it was made at, so the serial alone answers this.
/** "Changed since export", as the dashboard and the preview both say it: the content serial moved since the last export, or nothing was exported yet. */
export function isChangedSinceExport(serialNo: number, last: { serialNo: number } | null): boolean {
  return last === null || last.serialNo !== serialNo;
}

/** Outcome of an export attempt. */
export type ExportOutcome =
  | { status: "created"; export: ExportSummary }
  | { status: "unchanged"; export: ExportSummary }
  | { status: "blocked"; diagnostics: Diagnostic[] }
  | { status: "stale"; message: string }
  | { status: "not-found" };

/** Stores an immutable snapshot of a cluster: document, every artifact without errors and their sha256; refuses on errors about every artifact. */
export async function createExport(request: ExportRequest): Promise<ExportOutcome> {
  const user = await requireClusterPermission(request.clusterId, "export.create");
  return db.$transaction(async (tx) => {
    const doc = await readClusterDocument(request.clusterId, tx);
    if (!doc) return { status: "not-found" } as const;
    const set = buildArtifactSet(doc, await routerIdDiagnostics(request.clusterId, tx));
    if (request.previewedDocumentSha256 && request.previewedDocumentSha256 !== set.documentSha256) {
      return {
        status: "stale",
        message: "The configuration changed after this preview was made. Review the new preview, then export again.",
      } as const;
    }
    if (set.blocked) return { status: "blocked", diagnostics: set.diagnostics.filter((d) => d.severity === "error" && d.artifacts === undefined) } as const;
    const exported = set.artifacts.filter((a) => a.withheld.length === 0);
    const withheld = set.artifacts.filter((a) => a.withheld.length > 0);
    const last = await findLastExport(request.clusterId, tx);
    if (last && last.documentSha256 === set.documentSha256) return { status: "unchanged", export: toExportSummary(last) } as const;
    const created = await tx.export.create({
      data: {
        clusterId: request.clusterId,
        serialNo: doc.cluster.serialNo,
        authorId: user.userId,
        authorName: user.username,
        comment: request.comment,
        document: set.documentJson,
        documentSha256: set.documentSha256,
        artifacts: { create: exported.map((a) => ({ format: a.format, filename: a.filename, content: a.text, sha256: a.sha256 })) },
      },
    });
    await auditChange(tx, user, {
      action: "export.create",
      targetType: "export",
      targetId: String(created.id),
      clusterId: request.clusterId,
      after: {
        serialNo: created.serialNo,
        comment: created.comment,
        documentSha256: set.documentSha256,
        artifacts: Object.fromEntries(exported.map((a) => [a.filename, a.sha256])),
        ...(withheld.length > 0 ? { withheld: Object.fromEntries(withheld.map((a) => [a.filename, a.withheld.map((d) => d.code)])) } : {}),
      },
    });
    return { status: "created", export: toExportSummary(created) } as const;
  }, snapshotTransaction());
}

/** One export in the history list, with its artifacts' names and checksums. */
export interface ExportHistoryItem extends ExportSummary {
  artifacts: { format: string; filename: string; sha256: string; bytes: number }[];
}

/** A page of a cluster's export history, newest first. */
export async function listExports(clusterId: number, page = 1, pageSize = 20): Promise<{ items: ExportHistoryItem[]; total: number }> {
  await requireClusterPermission(clusterId, "cluster.read");
  const [rows, total] = await db.$transaction([
    db.export.findMany({
      where: { clusterId },
      orderBy: { id: "desc" },
      skip: (Math.max(1, page) - 1) * pageSize,
      take: pageSize,
      include: { artifacts: { select: { format: true, filename: true, sha256: true, content: true }, orderBy: { id: "asc" } } },
    }),
    db.export.count({ where: { clusterId } }),
  ]);
  return {
    total,
    items: rows.map((e) => ({
      ...toExportSummary(e),
      artifacts: e.artifacts.map((a) => ({
        format: a.format, filename: a.filename, sha256: a.sha256, bytes: Buffer.byteLength(a.content, "utf8"),
      })),
    })),
  };
}

/** A stored file ready to be served. */
export interface StoredFile {
  filename: string;
  content: string;
  sha256: string;
}

/** How a download route serves a file: GET delivers the body and records it; HEAD only answers the headers. */
export interface DeliveryOptions {
  /** False for HEAD: authorization and lookup as for GET, but no body is delivered, so nothing is recorded. */
  record?: boolean;
}

/** Reads one artifact of an export for download, recording the download and its checksum (GET only). */
export async function downloadExportArtifact(exportId: number, format: string, { record = true }: DeliveryOptions = {}): Promise<StoredFile | null> {
  const user = await requireObjectPermission("export", exportId, "export.download");
  return db.$transaction(async (tx) => {
    const artifact = await tx.exportArtifact.findUnique({
      where: { exportId_format: { exportId, format } },
      include: { export: { select: { clusterId: true } } },
    });
    if (!artifact) return null;
    if (record) await auditChange(tx, user, {
      action: "export.download", targetType: "export", targetId: String(exportId),
      clusterId: artifact.export.clusterId, detail: `${artifact.filename} sha256=${artifact.sha256}`,
    });
    return { filename: artifact.filename, content: artifact.content, sha256: artifact.sha256 };
  });
}

/** Every artifact of an export plus its document, recording the download (GET only). */
export async function downloadExportBundle(exportId: number, { record = true }: DeliveryOptions = {}) {
  const user = await requireObjectPermission("export", exportId, "export.download");
  return db.$transaction(async (tx) => {
    const found = await tx.export.findUnique({
      where: { id: exportId },
      include: { artifacts: { orderBy: { id: "asc" } }, cluster: { select: { name: true } } },
    });
    if (!found) return null;
    if (record) await auditChange(tx, user, {
      action: "export.download", targetType: "export", targetId: String(exportId),
      clusterId: found.clusterId, detail: `archive of ${found.artifacts.length} artifacts, document sha256=${found.documentSha256}`,
    });
    return found;
  });
}
