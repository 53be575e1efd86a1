import "server-only";
import { notFound } from "next/navigation";
import { clusterRoleCan, clusterRoleOf } from "./auth/cluster-access";
import { can } from "./auth/permission-map";
import type { Permission } from "./auth/permissions";
import { ROLES } from "@/lib/domain/roles";
import { verifySession } from "./auth/session";
import { clusterPath } from "@/lib/domain/links/cluster-path";
import { findVisibleCluster, type ClusterSummary } from "./clusters";
import { NotFoundError } from "./data-errors";

/** The route parameters of every page under `/c/[cluster]`. */
export type ClusterRouteParams = Promise<{ cluster: string }>;

/**
 * What every cluster page needs: the cluster its URL names (a 404 when the user
 * may not see it), which edit controls the user's role on it may see, and why not.
 */
export async function loadPanelContext(params: ClusterRouteParams): Promise<{
  cluster: ClusterSummary;
  /** A cluster-relative path ("/virtual-servers/7") as a URL of this cluster. */
  href: (path?: string) => string;
  may: (permission: Permission) => boolean;
  /** One line saying why the page is read-only for this user ("You have the viewer role on cluster X; …"), or null when they may edit. */
  readOnlyReason: (permission: Permission) => string | null;
}> {
  const user = await verifySession();
  const cluster = (await findVisibleCluster((await params).cluster)) ?? notFound();
  const role = await clusterRoleOf(user, cluster.id);
  const may = (permission: Permission) => clusterRoleCan(role, permission);
  const readOnlyReason = (permission: Permission) => {
    if (may(permission)) return null;
    const needed = ROLES.find((r) => can(r, permission)) ?? "admin";
    return `You have the ${role} role on cluster ${cluster.name}; ask an admin for ${needed} rights to edit.`;
  };
  return { cluster, href: (path) => clusterPath(cluster, path), may, readOnlyReason };
}

/** A route's object, or a 404 when it belongs to another cluster than the URL's. */
export function inCluster<T extends { clusterId: number }>(object: T, cluster: { id: number }): T {
  if (object.clusterId !== cluster.id) notFound();
  return object;
}

/** A route's numeric id, or a 404. */
export function parseRouteId(raw: string): number {
  const id = Number(raw);
  if (!/^\d{1,9}$/.test(raw) || !Number.isSafeInteger(id) || id < 1) notFound();
  return id;
}

/** Runs a data load, turning a missing object into a 404. */
export async function orNotFound<T>(load: Promise<T>): Promise<T> {
  try {
    return await load;
  } catch (error) {
    if (error instanceof NotFoundError) notFound();
    throw error;
  }
}
