import "server-only";
import { lintDocument, type Diagnostic } from "@/lib/domain/lint";
import { requireClusterPermission } from "./auth/cluster-access";
import { readClusterSnapshot, type ClusterSnapshot } from "./cluster-document";
import { NotFoundError } from "./data-errors";
import { db } from "./db";
import { isChangedSinceExport, lastExportOf } from "./exports";
import { routerIdDiagnostics } from "./router-id-lint";

/** A lint finding with a link to the panel that edits the object at fault. */
export interface DashboardDiagnostic extends Diagnostic {
  href: string | null;
  objectName: string | null;
}

/** The cluster at a glance (Piranha CONTROL/MONITORING). */
export interface Dashboard {
  cluster: { id: number; name: string; serialNo: number; network: string };
  counts: { virtualServers: number; activeVirtualServers: number; realServers: number; activeRealServers: number; firewallMarks: number };
  diagnostics: DashboardDiagnostic[];
  lastExport: { id: number; createdAt: string; serialNo: number; authorName: string } | null;
  /** True when the serial number moved since the last export (or nothing was exported yet). */
  changedSinceExport: boolean;
}

const CLUSTER_PANELS: [RegExp, string][] = [[/^cluster\.(backup|heartbeat|monitorLinks|syncDaemon|vrrp)/, "/redundancy"], [/^cluster/, "/settings"]];

/** Maps a diagnostic path ("virtualServers[3].persistence") to the object's edit page. */
function linkOf(path: string, snapshot: ClusterSnapshot): { href: string | null; objectName: string | null } {
  const vs = /^virtualServers\[(\d+)\]/.exec(path);
  if (vs) {
    const i = Number(vs[1]);
    const id = snapshot.ids.virtualServers[i];
    return { href: id === undefined ? null : `/virtual-servers/${id}`, objectName: snapshot.doc.virtualServers[i]?.name ?? null };
  }
  const fm = /^firewallMarks\[(\d+)\]/.exec(path);
  if (fm) {
    const i = Number(fm[1]);
    const id = snapshot.ids.firewallMarks[i];
    return { href: id === undefined ? null : `/firewall-marks/${id}`, objectName: snapshot.doc.firewallMarks[i]?.name ?? null };
  }
  const panel = CLUSTER_PANELS.find(([re]) => re.test(path));
  return { href: panel?.[1] ?? null, objectName: panel ? snapshot.doc.cluster.name : null };
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
  const snapshot = await readClusterSnapshot(clusterId);
  const related = snapshot ? await routerIdDiagnostics(clusterId) : [];
  const diagnostics = snapshot ? [...lintDocument(snapshot.doc), ...related].map((d) => ({ ...d, ...linkOf(d.path, snapshot) })) : [];
  return {
    cluster,
    counts: { virtualServers, activeVirtualServers, realServers, activeRealServers, firewallMarks },
    diagnostics,
    lastExport: lastExport ? { ...lastExport, createdAt: lastExport.createdAt.toISOString() } : null,
    changedSinceExport: isChangedSinceExport(cluster.serialNo, lastExport),
  };
}
