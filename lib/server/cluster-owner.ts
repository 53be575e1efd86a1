import "server-only";
import type { Permission } from "./auth/permission-map";
import { requireClusterPermission, requireSomeClusterPermission } from "./auth/cluster-access";
import type { SessionUser } from "./auth/session";
import { db } from "./db";

/** Objects that belong to one cluster, by the name a "not found" message uses. */
export type OwnedKind = "virtual server" | "real server" | "firewall mark bundle" | "export";

async function ownerOf(kind: OwnedKind, id: number): Promise<number | null> {
  switch (kind) {
    case "virtual server":
      return (await db.virtualServer.findUnique({ where: { id }, select: { clusterId: true } }))?.clusterId ?? null;
    case "real server":
      return (await db.realServer.findUnique({ where: { id }, select: { virtualServer: { select: { clusterId: true } } } }))?.virtualServer.clusterId ?? null;
    case "firewall mark bundle":
      return (await db.firewallMarkBundle.findUnique({ where: { id }, select: { clusterId: true } }))?.clusterId ?? null;
    case "export":
      return (await db.export.findUnique({ where: { id }, select: { clusterId: true } }))?.clusterId ?? null;
  }
}

/**
 * Authorizes an action on an object through the cluster that owns it: a caller
 * who holds the permission nowhere is refused before any lookup; an object in a
 * cluster the caller may not see is "not found", exactly like a missing one.
 */
export async function requireObjectPermission(kind: OwnedKind, id: number, permission: Permission): Promise<SessionUser> {
  await requireSomeClusterPermission(permission);
  return requireClusterPermission(Number.isSafeInteger(id) ? await ownerOf(kind, id) : null, permission, kind);
}
