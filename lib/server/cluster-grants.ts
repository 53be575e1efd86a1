import "server-only";
import type { SetClusterGrantInput } from "@/lib/domain/schema/account";
import { recordAudit } from "./audit";
import { requirePermission } from "./auth/permissions";
import { isClusterRole, type ClusterRole } from "@/lib/domain/roles";
import { DataError } from "./data-errors";
import { db } from "./db";
import { SELF_CHANGE_REFUSED } from "./users";

/** Every cluster and every grant, for the users page (admins see all clusters whatever their own grants). */
export interface ClusterGrantTable {
  clusters: { id: number; name: string }[];
  grants: { userId: number; clusterId: number; role: ClusterRole }[];
}

/** The grant table of the users page. */
export async function listClusterGrants(): Promise<ClusterGrantTable> {
  await requirePermission("user.manage");
  const [clusters, grants] = await Promise.all([
    db.cluster.findMany({ where: { stagingFor: null }, select: { id: true, name: true }, orderBy: { name: "asc" } }),
    db.clusterGrant.findMany({ select: { userId: true, clusterId: true, role: true } }),
  ]);
  return { clusters, grants: grants.flatMap((g) => (isClusterRole(g.role) ? [{ ...g, role: g.role }] : [])) };
}

/** Sets a user's role on one cluster ("none" hides it), or removes the grant ("default": the global role applies). Admins only. */
export async function setClusterGrant(input: SetClusterGrantInput, request: { ip: string | null }): Promise<void> {
  const actor = await requirePermission("user.manage");
  if (input.userId === actor.userId) throw new DataError(SELF_CHANGE_REFUSED);
  await db.$transaction(async (tx) => {
    const [user, cluster] = await Promise.all([
      tx.user.findUnique({ where: { id: input.userId }, select: { username: true, role: true } }),
      tx.cluster.findFirst({ where: { id: input.clusterId, stagingFor: null }, select: { name: true } }),
    ]);
    if (!user) throw new DataError("No such user.");
    if (!cluster) throw new DataError("No such cluster.");
    const key = { userId_clusterId: { userId: input.userId, clusterId: input.clusterId } };
    const before = (await tx.clusterGrant.findUnique({ where: key, select: { role: true } }))?.role ?? "default";
    if (before === input.role) return;
    if (input.role === "default") await tx.clusterGrant.delete({ where: key });
    else {
      await tx.clusterGrant.upsert({
        where: key,
        create: { userId: input.userId, clusterId: input.clusterId, role: input.role },
        update: { role: input.role },
      });
    }
    await recordAudit(tx, {
      actor, action: "user.grant.change", targetType: "user", targetId: input.userId, targetName: user.username, clusterId: input.clusterId,
      before: { role: before }, after: { role: input.role },
      detail: `${user.username} on ${cluster.name} (global role ${user.role})`, ip: request.ip,
    });
  });
}
