import "server-only";
import { cache } from "react";
import { lintDocument } from "@/lib/domain/lint";
import type { LinkedDiagnostic } from "@/lib/domain/links/locate-diagnostic";
import { requireClusterPermission } from "./auth/cluster-access";
import { readClusterSnapshot, type ClusterSnapshot } from "./cluster-document";
import { linkSnapshotDiagnostics } from "./diagnostic-links";
import { routerIdDiagnostics } from "./router-id-lint";

/**
 * A cluster's snapshot and every lint finding (its own and router-id conflicts
 * with others), named and linked; null for no cluster. Once per request, so the
 * dashboard's checks and overview share one load. No authorization: callers check it.
 */
export const readLintedSnapshot = cache(async (clusterId: number): Promise<{ snapshot: ClusterSnapshot; diagnostics: LinkedDiagnostic[] } | null> => {
  const snapshot = await readClusterSnapshot(clusterId);
  if (!snapshot) return null;
  const diagnostics = linkSnapshotDiagnostics([...lintDocument(snapshot.doc), ...(await routerIdDiagnostics(clusterId))], snapshot);
  return { snapshot, diagnostics };
});

/** The findings about the objects one page edits ("/virtual-servers/17": the virtual server and its real servers), for lint where you edit. */
export async function getPageDiagnostics(clusterId: number, page: string): Promise<LinkedDiagnostic[]> {
  await requireClusterPermission(clusterId, "cluster.read");
  return ((await readLintedSnapshot(clusterId))?.diagnostics ?? []).filter((d) => d.target?.page === page);
}
