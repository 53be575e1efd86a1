import "server-only";
import { cache } from "react";
import { lintDocument } from "@/lib/domain/lint";
import { lintScope, pathInDocument, type LintSubject } from "@/lib/domain/lint/lint-scope";
import type { LinkedDiagnostic } from "@/lib/domain/links/locate-diagnostic";
import { requireClusterPermission } from "./auth/cluster-access";
import { readClusterSnapshot, type ClusterSnapshot } from "./cluster-document";
import { db } from "./db";
import { linkSnapshotDiagnostics } from "./diagnostic-links";
import { LruCache } from "./lru-cache";
import { routerIdDiagnostics } from "./router-id-lint";
import { markFromColumn, optionalMarkFromColumn } from "./stored-values";

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

/** The object a page edits: its bundle or its virtual server (with the real servers). */
export type PageSubject = { firewallMarkId: number } | { virtualServerId: number };

// A group this large costs about what the whole cluster costs to read, and the
// whole cluster's lint is cached per state: past it, that serves the page.
const SCOPE_LIMIT = 500;

/**
 * The findings about one object from its lint scope (the bundles and virtual
 * servers it shares a VIP or mark with, lib/domain/lint/lint-scope.ts), so a save
 * on a 10,000-service cluster does not re-read and re-lint all of it; null when
 * the group is too large to be worth it.
 */
async function readScopedDiagnostics(clusterId: number, subject: PageSubject): Promise<LinkedDiagnostic[] | null> {
  const [bundles, services] = await Promise.all([
    db.firewallMarkBundle.findMany({ where: { clusterId }, orderBy: [{ mark: "asc" }, { id: "asc" }], select: { id: true, vip: true, mark: true } }),
    db.virtualServer.findMany({ where: { clusterId }, orderBy: { name: "asc" }, select: { id: true, vip: true, firewallMark: true } }),
  ]);
  const at: LintSubject = "firewallMarkId" in subject
    ? { list: "firewallMarks", index: bundles.findIndex((b) => b.id === subject.firewallMarkId) }
    : { list: "virtualServers", index: services.findIndex((v) => v.id === subject.virtualServerId) };
  if (at.index < 0) return [];
  const scope = lintScope({
    firewallMarks: bundles.map((b) => ({ vip: b.vip, mark: markFromColumn(b.mark) })),
    virtualServers: services.map((v) => ({ vip: v.vip, firewallMark: optionalMarkFromColumn(v.firewallMark) })),
  }, at);
  if (scope.firewallMarks.length + scope.virtualServers.length > SCOPE_LIMIT) return null;
  const snapshot = await readClusterSnapshot(clusterId, db, {
    firewallMarks: scope.firewallMarks.map((i) => bundles[i]!.id),
    virtualServers: scope.virtualServers.map((i) => services[i]!.id),
  });
  // Changed between the two reads (rows added or removed): the whole cluster answers instead.
  if (!snapshot || snapshot.ids.firewallMarks.length !== scope.firewallMarks.length || snapshot.ids.virtualServers.length !== scope.virtualServers.length) return null;
  // Paths name positions in the whole cluster, found by id (a rename between the reads may reorder the part).
  const position = (rows: { id: number }[]) => new Map(rows.map((r, i) => [r.id, i]));
  const [markAt, serviceAt] = [position(bundles), position(services)];
  const inWhole = {
    firewallMarks: snapshot.ids.firewallMarks.map((id) => markAt.get(id) ?? -1),
    virtualServers: snapshot.ids.virtualServers.map((id) => serviceAt.get(id) ?? -1),
  };
  return linkSnapshotDiagnostics(lintDocument(snapshot.doc), snapshot).map((d) => ({ ...d, path: pathInDocument(d.path, inWhole) }));
}

/**
 * The findings about the objects one page edits ("/virtual-servers/17": the
 * virtual server and its real servers), for lint where you edit. With the
 * page's subject only its lint scope is read; without, the whole cluster.
 */
export async function getPageDiagnostics(clusterId: number, page: string, subject?: PageSubject): Promise<LinkedDiagnostic[]> {
  await requireClusterPermission(clusterId, "cluster.read");
  const scoped = subject === undefined ? null : await readScopedDiagnostics(clusterId, subject);
  return (scoped ?? (await readLintedSnapshot(clusterId))?.diagnostics ?? []).filter((d) => d.target?.page === page);
}
