import "server-only";
import type { LinkedDiagnostic } from "@/lib/domain/links/locate-diagnostic";
import { requireClusterPermission } from "./auth/cluster-access";
import { readLintedSnapshot } from "./cluster-lint";
import { NotFoundError } from "./data-errors";
import { db } from "./db";
import { isChangedSinceExport, lastExportOf } from "./exports";

/** The cluster at a glance (Piranha CONTROL/MONITORING). */
export interface Dashboard {
  cluster: { id: number; name: string; serialNo: number; network: string };
  counts: { virtualServers: number; activeVirtualServers: number; realServers: number; activeRealServers: number; firewallMarks: number };
  diagnostics: LinkedDiagnostic[];
  lastExport: { id: number; createdAt: string; serialNo: number; authorName: string } | null;
  /** True when the serial number moved since the last export (or nothing was exported yet). */
  changedSinceExport: boolean;
}

/** Counts, lint status with links, serial number and the last export of one cluster. */
export async function getDashboard(clusterId: number): Promise<Dashboard> {
  await requireClusterPermission(clusterId, "cluster.read");
  const [cluster, virtualServers, activeVirtualServers, realServers, activeRealServers, firewallMarks, lastExport] = await Promise.all([
    db.cluster.findUnique({ where: { id: clusterId }, select: { id: true, name: true, serialNo: true, network: true } }),
    db.virtualServer.count({ where: { clusterId } }),
    db.virtualServer.count({ where: { clusterId, active: true } }),
    db.realServer.count({ where: { virtualServer: { clusterId } } }),
    db.realServer.count({ where: { virtualServer: { clusterId }, active: true } }),
    db.firewallMarkBundle.count({ where: { clusterId } }),
    db.export.findFirst({ ...lastExportOf(clusterId), select: { id: true, createdAt: true, serialNo: true, authorName: true } }),
  ]);
  if (!cluster) throw new NotFoundError("cluster");
  const diagnostics = (await readLintedSnapshot(clusterId))?.diagnostics ?? [];
  return {
    cluster,
    counts: { virtualServers, activeVirtualServers, realServers, activeRealServers, firewallMarks },
    diagnostics,
    lastExport: lastExport ? { ...lastExport, createdAt: lastExport.createdAt.toISOString() } : null,
    changedSinceExport: isChangedSinceExport(cluster.serialNo, lastExport),
  };
}
