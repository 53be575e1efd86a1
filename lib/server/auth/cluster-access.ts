import "server-only";
import { cache } from "react";
import { db } from "@/lib/server/db";
import { NotFoundError } from "@/lib/server/data-errors";
import { can, type Permission } from "./permission-map";
import { AuthorizationError } from "./permissions";
import { isClusterRole, type ClusterRole } from "@/lib/domain/roles";
import { getSessionUser, type SessionUser } from "./session";

// Roles per cluster (issue 12 item 2). A grant row (user, cluster, role or
// "none") overrides the user's global role on that cluster; without one the
// global role applies. A cluster whose role is "none" does not exist for that
// user: every check about it answers "not found", never "forbidden".

/** The signed-in user's grants, by cluster id. Read once per request. */
const loadGrants = cache(async (userId: number): Promise<Map<number, ClusterRole>> => {
  const rows = await db.clusterGrant.findMany({ where: { userId }, select: { clusterId: true, role: true } });
  return new Map(rows.map((g) => [g.clusterId, isClusterRole(g.role) ? g.role : "none"]));
});

/** Ids of the hidden clusters a large import writes into (document-write.ts): not found for everyone. */
const isHiddenCluster = cache(async (clusterId: number): Promise<boolean> =>
  (await db.cluster.findUnique({ where: { id: clusterId }, select: { stagingFor: true } }))?.stagingFor != null);

/** A user's effective role on one cluster: their grant there, else their global role. */
export async function clusterRoleOf(user: SessionUser, clusterId: number): Promise<ClusterRole> {
  return (await loadGrants(user.userId)).get(clusterId) ?? user.role;
}

/** Whether a role on a cluster holds a permission ("none" holds nothing). */
export function clusterRoleCan(role: ClusterRole, permission: Permission): boolean {
  return role !== "none" && can(role, permission);
}

/** The signed-in user when their global role or some grant holds `permission`; 401/403 otherwise. */
export async function requireSomeClusterPermission(permission: Permission): Promise<SessionUser> {
  const user = await getSessionUser();
  if (!user) throw new AuthorizationError(401);
  if (can(user.role, permission)) return user;
  for (const role of (await loadGrants(user.userId)).values()) if (clusterRoleCan(role, permission)) return user;
  throw new AuthorizationError(403);
}

/**
 * The signed-in user when their role on `clusterId` holds `permission`.
 * Anonymous: 401; a permission the user holds on no cluster: 403; a cluster the
 * user may not see (or null: the object was not found): NotFoundError(`what`);
 * a visible cluster where the role falls short: 403.
 */
export async function requireClusterPermission(clusterId: number | null, permission: Permission, what = "cluster"): Promise<SessionUser> {
  const user = await requireSomeClusterPermission(permission);
  if (clusterId === null) throw new NotFoundError(what);
  const role = await clusterRoleOf(user, clusterId);
  if (!clusterRoleCan(role, "cluster.read") || (await isHiddenCluster(clusterId))) throw new NotFoundError(what);
  if (!clusterRoleCan(role, permission)) throw new AuthorizationError(403);
  return user;
}

/** Ids of the clusters a user may see, or "all" when no grant hides any and the global role reads. */
export async function visibleClusterFilter(user: SessionUser): Promise<{ id?: { in: number[] } | { notIn: number[] } }> {
  const grants = await loadGrants(user.userId);
  if (can(user.role, "cluster.read")) {
    const hidden = [...grants].filter(([, role]) => !clusterRoleCan(role, "cluster.read")).map(([id]) => id);
    return hidden.length === 0 ? {} : { id: { notIn: hidden } };
  }
  return { id: { in: [...grants].filter(([, role]) => clusterRoleCan(role, "cluster.read")).map(([id]) => id) } };
}
