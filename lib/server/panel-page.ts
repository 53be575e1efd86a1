import "server-only";
import { notFound } from "next/navigation";
import { clusterRoleCan, clusterRoleOf } from "./auth/cluster-access";
import type { Permission } from "./auth/permissions";
import { verifySession } from "./auth/session";
import { getSelectedCluster, type ClusterSummary } from "./clusters";
import { NotFoundError } from "./data-errors";

/** What every panel page needs: the selected cluster and which edit controls the user's role on it may see. */
export async function loadPanelContext(): Promise<{ cluster: ClusterSummary; may: (permission: Permission) => boolean }> {
  const user = await verifySession();
  const cluster = await getSelectedCluster();
  const role = await clusterRoleOf(user, cluster.id);
  return { cluster, may: (permission) => clusterRoleCan(role, permission) };
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
