import "server-only";
import { createTwoFilesPatch } from "diff";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Diagnostic } from "@/lib/domain/lint";
import { summarizePersistence, type PersistenceRow } from "@/lib/domain/model/persistence-summary";
import { buildArtifactSet } from "./artifact-set";
import { requirePermission } from "./auth/permissions";
import { readClusterSnapshot, type ClusterSnapshot } from "./cluster-document";
import { db } from "./db";

/** One artifact as the preview shows it. */
export interface ArtifactPreview {
  format: string;
  title: string;
  filename: string;
  text: string;
  sha256: string;
  /** Unified diff against the last export; null when nothing was exported yet. */
  diff: string | null;
  changed: boolean;
}

/** Summary of the export the preview compares against. */
export interface ExportSummary {
  id: number;
  createdAt: string;
  serialNo: number;
  authorName: string;
  comment: string;
  documentSha256: string;
}

/** What the Preview & export page shows. */
export interface ClusterPreview {
  clusterId: number;
  clusterName: string;
  serialNo: number;
  documentSha256: string;
  diagnostics: Diagnostic[];
  blocked: boolean;
  artifacts: ArtifactPreview[];
  persistence: PersistenceRow[];
  lastExport: ExportSummary | null;
  /** True when the model differs from the last export (or nothing was exported). */
  changedSinceExport: boolean;
  /** Console page of the object a diagnostic path points at: "virtualServers[2]" → "/virtual-servers/17". */
  links: Record<string, string>;
}

function objectLinks({ ids }: ClusterSnapshot): Record<string, string> {
  return {
    cluster: "/settings",
    ...Object.fromEntries(ids.firewallMarks.map((id, i) => [`firewallMarks[${i}]`, `/firewall-marks/${id}`])),
    ...Object.fromEntries(ids.virtualServers.map((id, i) => [`virtualServers[${i}]`, `/virtual-servers/${id}`])),
  };
}

/** The last export of a cluster, with its artifacts. No authorization: callers check it. */
export async function findLastExport(clusterId: number, tx: Prisma.TransactionClient | typeof db = db) {
  return tx.export.findFirst({
    where: { clusterId },
    orderBy: { id: "desc" },
    include: { artifacts: true },
  });
}

const unifiedDiff = (filename: string, before: string, after: string) =>
  createTwoFilesPatch(`a/${filename}`, `b/${filename}`, before, after, "last export", "preview", { context: 3 });

/** Lints and renders a cluster and diffs every artifact against its last export. */
export async function previewCluster(clusterId: number): Promise<ClusterPreview | null> {
  await requirePermission("preview.read");
  const [snapshot, last] = await db.$transaction(async (tx) => [
    await readClusterSnapshot(clusterId, tx),
    await findLastExport(clusterId, tx),
  ]);
  if (!snapshot) return null;
  const { doc } = snapshot;
  const set = buildArtifactSet(doc);
  const previous = new Map((last?.artifacts ?? []).map((a) => [a.format, a.content]));
  // What operators run comes first; the rest keep the registry's order.
  const ordered = [...set.artifacts].sort((a, b) => Number(b.format === "install-script") - Number(a.format === "install-script"));
  const artifacts = ordered.map((a) => {
    const before = previous.get(a.format);
    return {
      ...a,
      diff: before === undefined ? null : unifiedDiff(a.filename, before, a.text),
      changed: before !== a.text,
    };
  });
  return {
    clusterId,
    clusterName: doc.cluster.name,
    serialNo: doc.cluster.serialNo,
    documentSha256: set.documentSha256,
    diagnostics: set.diagnostics,
    blocked: set.blocked,
    artifacts,
    persistence: summarizePersistence(doc),
    lastExport: last ? toExportSummary(last) : null,
    changedSinceExport: last?.documentSha256 !== set.documentSha256,
    links: objectLinks(snapshot),
  };
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
