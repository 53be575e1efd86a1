import "server-only";
import { cache } from "react";
import { lintDocument } from "@/lib/domain/lint";
import type { LinkedDiagnostic } from "@/lib/domain/links/locate-diagnostic";
import { requireClusterPermission } from "./auth/cluster-access";
import { readClusterSnapshot, type ClusterSnapshot } from "./cluster-document";
import { db } from "./db";
import { linkSnapshotDiagnostics } from "./diagnostic-links";
import { LruCache } from "./lru-cache";
import { routerIdDiagnostics } from "./router-id-lint";

type LintedSnapshot = { snapshot: ClusterSnapshot; diagnostics: LinkedDiagnostic[] };

// Loading and linting 1,000 services takes about a second on a small machine;
// pages re-read it on every view, so the result is kept per cluster state.
const linted = new LruCache<string, LintedSnapshot>(8);

/**
 * A cluster's snapshot and every lint finding (its own and router-id conflicts
 * with others), named and linked; null for no cluster. Once per request, so the
 * dashboard's checks and overview share one load. No authorization: callers check it.
 */
export const readLintedSnapshot = cache(async (clusterId: number): Promise<LintedSnapshot | null> => {
  const head = await db.cluster.findUnique({ where: { id: clusterId }, select: { serialNo: true, version: true } });
  if (!head) return null;
  const related = await routerIdDiagnostics(clusterId);
  // Every saved change moves the serial and version; router-id findings depend on other clusters, so they are part of the key.
  const key = `${clusterId}:${head.serialNo}:${head.version}:${related.map((d) => d.message).join("|")}`;
  const hit = linted.get(key);
  if (hit) return hit;
  const snapshot = await readClusterSnapshot(clusterId);
  if (!snapshot) return null;
  const fresh = { snapshot, diagnostics: linkSnapshotDiagnostics([...lintDocument(snapshot.doc), ...related], snapshot) };
  linted.set(key, fresh);
  return fresh;
});

/** The findings about the objects one page edits ("/virtual-servers/17": the virtual server and its real servers), for lint where you edit. */
export async function getPageDiagnostics(clusterId: number, page: string): Promise<LinkedDiagnostic[]> {
  await requireClusterPermission(clusterId, "cluster.read");
  return ((await readLintedSnapshot(clusterId))?.diagnostics ?? []).filter((d) => d.target?.page === page);
}
