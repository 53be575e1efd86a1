import "server-only";
import { cookies } from "next/headers";
import { cache } from "react";
import { clusterIdOfSegment } from "@/lib/domain/links/cluster-path";
import type { NewClusterInput, RenameClusterInput } from "@/lib/domain/schema/cluster-forms";
import { requireClusterPermission, requireSomeClusterPermission, visibleClusterFilter } from "./auth/cluster-access";
import { requirePermission } from "./auth/permissions";
import { CLUSTER_ROW_WRITE } from "./cluster-serial";
import { DataError, NotFoundError, isUniqueViolation } from "./data-errors";
import { db, lockForWrite } from "./db";
import { auditChange } from "./panel-audit";
import { versionedWrite } from "./versioned-write";

/** Cookie holding the id of the cluster last shown: where `/` and the global pages' links lead. */
export const CLUSTER_COOKIE = "lvs_cluster";

/** A cluster as the switcher and panel headers show it. */
export interface ClusterSummary {
  id: number;
  name: string;
  serialNo: number;
  version: number;
}

const summarySelect = { id: true, name: true, serialNo: true, version: true } as const;

/** Every cluster the signed-in user may see, by name. Deduplicated per request (the shell's switcher and the page both ask). */
export const listClusters = cache(async (): Promise<ClusterSummary[]> => {
  const user = await requireSomeClusterPermission("cluster.read");
  return db.cluster.findMany({ where: { ...(await visibleClusterFilter(user)), stagingFor: null }, select: summarySelect, orderBy: { name: "asc" } });
});

/** The visible cluster with this id, or else the first visible one (lib/server/bootstrap.ts creates one on first run). */
export async function resolveCluster(preferredId?: number): Promise<ClusterSummary> {
  const user = await requireSomeClusterPermission("cluster.read");
  const visible = { ...(await visibleClusterFilter(user)), stagingFor: null };
  if (preferredId !== undefined && isRowId(preferredId)) {
    const preferred = await db.cluster.findFirst({ where: { AND: [{ id: preferredId }, visible] }, select: summarySelect });
    if (preferred) return preferred;
  }
  const first = await db.cluster.findFirst({ where: visible, select: summarySelect, orderBy: { id: "asc" } });
  if (!first) throw new DataError("No cluster is visible to you yet; ask an admin to grant you a role on one.");
  return first;
}

/**
 * The visible cluster a URL segment names (`/c/7-edge-1/…`: by its id, so the
 * address survives a rename), or null when there is none or the user may not
 * see it: pages answer both with the same 404. Deduplicated per request.
 */
export const findVisibleCluster = cache(async (segment: string): Promise<ClusterSummary | null> => {
  const user = await requireSomeClusterPermission("cluster.read");
  const id = clusterIdOfSegment(segment);
  if (id === null) return null;
  return db.cluster.findFirst({ where: { AND: [{ id }, { ...(await visibleClusterFilter(user)), stagingFor: null }] }, select: summarySelect });
});

/** A cluster id as SQLite stores them (a positive 32-bit integer here); anything else names no cluster. */
function isRowId(id: number): boolean {
  return Number.isSafeInteger(id) && id >= 1 && id <= 2_147_483_647;
}

/**
 * The cluster last shown (cookie `lvs_cluster`), falling back to
 * the first visible cluster. A cookie that names no visible cluster (deleted,
 * hidden by a grant, or not a row id at all) is ignored. Deduplicated per request.
 */
export const getSelectedCluster = cache(async (): Promise<ClusterSummary> => {
  const raw = (await cookies()).get(CLUSTER_COOKIE)?.value;
  return resolveCluster(raw !== undefined && /^[1-9]\d{0,9}$/.test(raw) ? Number(raw) : undefined);
});

/** Whether the cookie already names this cluster as the one last shown. */
export async function isLastShownCluster(clusterId: number): Promise<boolean> {
  return (await cookies()).get(CLUSTER_COOKIE)?.value === String(clusterId);
}

/** Remembers the cluster last shown; refuses an id the user cannot see as not found. */
export async function selectCluster(clusterId: number): Promise<ClusterSummary> {
  await requireClusterPermission(isRowId(clusterId) ? clusterId : null, "cluster.read");
  const cluster = await db.cluster.findUnique({ where: { id: clusterId }, select: summarySelect });
  if (!cluster) throw new NotFoundError("cluster");
  (await cookies()).set(CLUSTER_COOKIE, String(cluster.id), { path: "/", sameSite: "lax", httpOnly: true, maxAge: 31_536_000 });
  return cluster;
}

/** Creates a cluster with its name and primary router; every other setting takes its default. Global admins only. */
export async function createCluster(input: NewClusterInput): Promise<ClusterSummary> {
  const user = await requirePermission("cluster.write");
  try {
    return await db.$transaction(async (tx) => {
      const created = await tx.cluster.create({
        data: { name: input.name, primaryPublicIp: input.primary.publicIp, primaryPrivateIp: input.primary.privateIp ?? null },
        select: summarySelect,
      });
      await auditChange(tx, user, {
        action: "cluster.create", targetType: "cluster", targetId: created.id, clusterId: created.id, after: input,
      });
      return created;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw duplicateName(input.name);
    throw error;
  }
}

/** Renames a cluster, refusing a stale version. Admins of that cluster only. */
export async function renameCluster(id: number, version: number, input: RenameClusterInput): Promise<ClusterSummary> {
  const user = await requireClusterPermission(id, "cluster.write");
  return versionedWrite(user, version, {
    what: "cluster",
    find: (tx) => tx.cluster.findUnique({ where: { id }, select: summarySelect }),
    current: (before) => before,
    write: (tx) => tx.cluster.updateMany({ where: { id, version }, data: { name: input.name, ...CLUSTER_ROW_WRITE } }),
    contentOf: () => null,
    result: (tx) => tx.cluster.findUniqueOrThrow({ where: { id }, select: summarySelect }),
    audit: (before) => ({
      action: "cluster.rename", targetType: "cluster", targetId: id, clusterId: id, before: { name: before.name }, after: input,
    }),
  }).catch((error: unknown) => {
    if (isUniqueViolation(error)) throw duplicateName(input.name);
    throw error;
  });
}

/** Deletes a cluster with everything in it; the last cluster stays. Admins of that cluster only. */
export async function deleteCluster(id: number, version: number): Promise<{ id: number }> {
  const user = await requireClusterPermission(id, "cluster.write");
  return versionedWrite(user, version, {
    what: "cluster",
    refused: "delete",
    find: (tx) => tx.cluster.findUnique({ where: { id }, select: summarySelect }),
    current: (before) => before,
    check: async (tx) => {
      await lockForWrite(tx, "last-cluster");
      if ((await tx.cluster.count({ where: { stagingFor: null } })) <= 1) throw new DataError("At least one cluster must remain; create another before deleting this one.");
    },
    write: (tx) => tx.cluster.deleteMany({ where: { id, version } }),
    contentOf: () => null,
    result: () => ({ id }),
    audit: (before) => ({ action: "cluster.delete", targetType: "cluster", targetId: id, clusterId: id, before }),
  });
}

function duplicateName(name: string): DataError {
  return new DataError(`A cluster named ${name} already exists. Nothing was saved.`, {
    fieldErrors: { name: `${name} is already taken; choose another name` },
  });
}
