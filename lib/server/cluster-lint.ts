import "server-only";
import { lintDocument } from "@/lib/domain/lint";
import type { LinkedDiagnostic } from "@/lib/domain/links/locate-diagnostic";
import { requireClusterPermission } from "./auth/cluster-access";
import { readClusterSnapshot, type ClusterSnapshot } from "./cluster-document";
import { linkSnapshotDiagnostics } from "./diagnostic-links";
import { routerIdDiagnostics } from "./router-id-lint";

/** Every lint finding of a loaded cluster (its own and router-id conflicts with others), named and linked. No authorization: callers check it. */
export async function lintSnapshot(clusterId: number, snapshot: ClusterSnapshot): Promise<LinkedDiagnostic[]> {
  return linkSnapshotDiagnostics([...lintDocument(snapshot.doc), ...(await routerIdDiagnostics(clusterId))], snapshot);
}

/** The findings about the objects one page edits ("/virtual-servers/17": the virtual server and its real servers), for lint where you edit. */
export async function getPageDiagnostics(clusterId: number, page: string): Promise<LinkedDiagnostic[]> {
  await requireClusterPermission(clusterId, "cluster.read");
  const snapshot = await readClusterSnapshot(clusterId);
  if (!snapshot) return [];
  return (await lintSnapshot(clusterId, snapshot)).filter((d) => d.target?.page === page);
}
