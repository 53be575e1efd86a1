import "server-only";
import { cache } from "react";
import { lintDocument } from "@/lib/domain/lint";
import { pathInDocument, pathPosition } from "@/lib/domain/lint/lint-scope";
import type { LinkedDiagnostic } from "@/lib/domain/links/locate-diagnostic";
import { requireClusterPermission } from "./auth/cluster-access";
import { readClusterSnapshot, type ClusterSnapshot } from "./cluster-document";
import { db } from "./db";
import { linkSnapshotDiagnostics } from "./diagnostic-links";
import { LruCache } from "./lru-cache";
import { routerIdDiagnostics } from "./router-id-lint";
import { findLintScope, positionInCluster, type PageSubject } from "./lint-scope-rows";

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

export type { PageSubject } from "./lint-scope-rows";

/**
 * The findings on `page` about one object, from its lint scope (the bundles and
 * virtual servers it shares a VIP or mark with, lib/domain/lint/lint-scope.ts), so a save
 * on a 10,000-service cluster neither reads nor lints all of it; null when the
 * group is too large to be worth it or changed while it was read.
 */
async function readScopedDiagnostics(clusterId: number, subject: PageSubject, page: string): Promise<LinkedDiagnostic[] | null> {
  const part = await findLintScope(clusterId, subject);
  if (part === "too-large") return null;
  if (part === null) return [];
  const snapshot = await readClusterSnapshot(clusterId, db, part);
  if (!snapshot || snapshot.ids.firewallMarks.length !== part.firewallMarks.length || snapshot.ids.virtualServers.length !== part.virtualServers.length) return null;
  const linked = linkSnapshotDiagnostics(lintDocument(snapshot.doc), snapshot).filter((d) => d.target?.page === page);
  // Paths name positions in the whole cluster: counted for the few objects a finding names.
  const inWhole = { firewallMarks: [] as number[], virtualServers: [] as number[] };
  for (const d of linked) {
    const at = pathPosition(d.path);
    if (at) inWhole[at.list][at.index] ??= await positionInCluster(clusterId, snapshot, at.list, at.index);
  }
  return linked.map((d) => ({ ...d, path: pathInDocument(d.path, inWhole) }));
}

/**
 * The findings about the objects one page edits ("/virtual-servers/17": the
 * virtual server and its real servers), for lint where you edit. With the
 * page's subject only its lint scope is read; without, the whole cluster.
 */
export async function getPageDiagnostics(clusterId: number, page: string, subject?: PageSubject): Promise<LinkedDiagnostic[]> {
  await requireClusterPermission(clusterId, "cluster.read");
  const scoped = subject === undefined ? null : await readScopedDiagnostics(clusterId, subject, page);
  return scoped ?? ((await readLintedSnapshot(clusterId))?.diagnostics ?? []).filter((d) => d.target?.page === page);
}
