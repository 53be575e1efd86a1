import "server-only";
import { diffArtifactText, type TextDiff } from "@/lib/domain/diff/text-diff";
import type { Diagnostic } from "@/lib/domain/lint";
import type { LinkedDiagnostic } from "@/lib/domain/links/locate-diagnostic";
import { summarizePersistence, type PersistenceRow } from "@/lib/domain/model/persistence-summary";
import { routerIdDiagnostics } from "./router-id-lint";
import { buildArtifactSet, sha256 } from "./artifact-set";
import { buildId } from "./build-id";
import { requireClusterPermission } from "./auth/cluster-access";
import { readClusterSnapshot } from "./cluster-document";
import { db, snapshotTransaction } from "./db";
import { linkSnapshotDiagnostics } from "./diagnostic-links";
import { findLastExport, isChangedSinceExport, lastExportOf, toExportSummary, type ExportSummary } from "./exports";
import { LruCache } from "./lru-cache";

// Export rows live in exports.ts; this re-export keeps branches that import them from here compiling while they merge.
export { toExportSummary, type ExportSummary } from "./exports";

/** One artifact as the preview shows it. */
export interface ArtifactPreview {
  format: string;
  title: string;
  filename: string;
  /** The artifact's text; null when the page left it out (loaded when its tab opens). */
  text: string | null;
  sha256: string;
  /** Line diff against the last export; null when not exported before, unchanged or not loaded. */
  diff: TextDiff | null;
  exportedBefore: boolean;
  /** Differs from the last export in more than its generated header lines (serial number). */
  changed: boolean;
  /** Messages of the errors that keep this artifact out of an export (empty when it is exported). */
  withheld: string[];
}

/** What the Preview & export page shows. */
export interface ClusterPreview {
  clusterId: number;
  clusterName: string;
  serialNo: number;
  documentSha256: string;
  /** Lint findings, each named and linked to the page and field at fault. */
  diagnostics: LinkedDiagnostic[];
  blocked: boolean;
  artifacts: ArtifactPreview[];
  persistence: PersistenceRow[];
  lastExport: ExportSummary | null;
  /** True when the model differs from the last export (or nothing was exported). */
  changedSinceExport: boolean;
}


// Rendering a large cluster takes hundreds of milliseconds, so a preview is kept
// per (cluster, serial, version, last export): every saved change moves the
// content serial (cluster-serial.ts), and a new export changes the last
// export, so a hit is always what a fresh render would give.
const previews = new LruCache<string, ClusterPreview>(16);
// Sessions asking for the same preview at once wait for one computation.
const computing = new Map<string, Promise<ClusterPreview | null>>();

async function computePreview(clusterId: number, related: readonly Diagnostic[]): Promise<ClusterPreview | null> {
  const [snapshot, last] = await db.$transaction(async (tx) => [
    await readClusterSnapshot(clusterId, tx),
    await findLastExport(clusterId, tx),
  ], snapshotTransaction());
  if (!snapshot) return null;
  const { doc } = snapshot;
  const set = buildArtifactSet(doc, related);
  const previous = new Map((last?.artifacts ?? []).map((a) => [a.format, a.content]));
  // What operators run comes first; the rest keep the registry's order.
  const ordered = [...set.artifacts].sort((a, b) => Number(b.format === "install-script") - Number(a.format === "install-script"));
  const artifacts = ordered.map((a) => {
    const before = previous.get(a.format);
    const diff = before === undefined ? null : diffArtifactText(a.format, before, a.text);
    return {
      ...a,
      withheld: a.withheld.map((d) => `${d.code}: ${d.message}`),
      diff: diff && !diff.unchanged ? diff : null,
      exportedBefore: before !== undefined,
      changed: diff === null || !diff.unchanged,
    };
  });
  return {
    clusterId,
    clusterName: doc.cluster.name,
    serialNo: doc.cluster.serialNo,
    documentSha256: set.documentSha256,
    diagnostics: linkSnapshotDiagnostics(set.diagnostics, snapshot),
    blocked: set.blocked,
    artifacts,
    persistence: summarizePersistence(doc),
    lastExport: last ? toExportSummary(last) : null,
    changedSinceExport: isChangedSinceExport(doc.cluster.serialNo, last),
  };
}

/** The preview cache key of a cluster as it is now (cheap: a few small queries), or null for no cluster. */
async function currentPreviewKey(clusterId: number): Promise<{ key: string; related: Diagnostic[] } | null> {
  const [cluster, last] = await Promise.all([
    db.cluster.findUnique({ where: { id: clusterId }, select: { serialNo: true, version: true } }),
    db.export.findFirst({ ...lastExportOf(clusterId), select: { id: true } }),
  ]);
  if (!cluster) return null;
  // Another cluster taking this one's router id changes the findings without
  // touching this cluster, so the findings themselves are part of the key.
  const related = await routerIdDiagnostics(clusterId);
  const relatedKey = related.map((d) => d.message).join("|");
  return { key: `${clusterId}:${cluster.serialNo}:${cluster.version}:${last?.id ?? 0}:${relatedKey}`, related };
}

async function cachedPreview(clusterId: number): Promise<{ key: string; preview: ClusterPreview } | null> {
  const current = await currentPreviewKey(clusterId);
  if (!current) return null;
  const { key, related } = current;
  const hit = previews.get(key);
  if (hit) return { key, preview: hit };
  let pending = computing.get(key);
  if (!pending) {
    pending = computePreview(clusterId, related)
      .then((fresh) => {
        if (fresh) previews.set(key, fresh);
        return fresh;
      })
      .finally(() => computing.delete(key));
    computing.set(key, pending);
  }
  const preview = await pending;
  return preview ? { key, preview } : null;
}

/** Lints and renders a cluster and diffs every artifact against its last export. */
export async function previewCluster(clusterId: number): Promise<ClusterPreview | null> {
  await requireClusterPermission(clusterId, "preview.read");
  return (await cachedPreview(clusterId))?.preview ?? null;
}

/**
 * The preview with only `openFormat`'s text and diff, for the page: the other
 * tabs load through previewArtifact when opened, so a large cluster's page does
 * not carry every artifact twice (HTML and React payload).
 */
export async function previewClusterPage(clusterId: number, openFormat = "install-script"): Promise<ClusterPreview | null> {
  return withOnlyText(await previewCluster(clusterId), openFormat);
}

function withOnlyText(preview: ClusterPreview | null, openFormat: string): ClusterPreview | null {
  if (!preview) return null;
  return {
    ...preview,
    artifacts: preview.artifacts.map((a) => (a.format === openFormat ? a : { ...a, text: null, diff: null })),
  };
}

// The ETag names the preview cache key and the build: a reload of an unchanged
// cluster is answered 304 without rendering, and a new build (other renderers)
// never matches an old ETag.
const etagOf = (key: string) => `"${sha256(`${buildId()}\n${key}`)}"`;

/**
 * The page's preview (only `openFormat`'s text) with an ETag on its cache key;
 * "unchanged" when `ifNoneMatch` already names the current preview, which is
 * then neither loaded nor rendered.
 */
export async function previewClusterPageTagged(
  clusterId: number, ifNoneMatch: string | null, openFormat = "install-script",
): Promise<{ etag: string; preview: ClusterPreview } | "unchanged" | null> {
  await requireClusterPermission(clusterId, "preview.read");
  if (ifNoneMatch) {
    const current = await currentPreviewKey(clusterId);
    if (current && ifNoneMatch.split(",").some((t) => t.trim().replace(/^W\//, "") === etagOf(current.key))) return "unchanged";
  }
  const found = await cachedPreview(clusterId);
  return found ? { etag: etagOf(found.key), preview: withOnlyText(found.preview, openFormat)! } : null;
}

/** One artifact's text and diff from the preview of the cluster as it is now. */
export async function previewArtifact(clusterId: number, format: string): Promise<ArtifactPreview & { documentSha256: string } | null> {
  const preview = await previewCluster(clusterId);
  const artifact = preview?.artifacts.find((a) => a.format === format);
  return preview && artifact ? { ...artifact, documentSha256: preview.documentSha256 } : null;
}
