import "server-only";
import type { Diagnostic } from "@/lib/domain/lint";
import { linkDiagnostics, type LinkedDiagnostic, type ObjectDirectory } from "@/lib/domain/links/locate-diagnostic";
import type { ClusterSnapshot } from "./cluster-document";

/** Ids and names of a snapshot's objects, in document order (what diagnostic paths count in). */
export function directoryOf({ doc, ids }: ClusterSnapshot): ObjectDirectory {
  return {
    clusterName: doc.cluster.name,
    firewallMarks: doc.firewallMarks.map((b, i) => ({ id: ids.firewallMarks[i] ?? 0, name: b.name })),
    virtualServers: doc.virtualServers.map((v, i) => ({
      id: ids.virtualServers[i] ?? 0,
      name: v.name,
      realServers: v.realServers.map((r, j) => ({ id: ids.realServers[i]?.[j] ?? 0, name: r.name })),
    })),
  };
}

/** A snapshot's diagnostics, each named and linked to the page and field at fault. */
export const linkSnapshotDiagnostics = (diagnostics: readonly Diagnostic[], snapshot: ClusterSnapshot): LinkedDiagnostic[] =>
  linkDiagnostics(diagnostics, directoryOf(snapshot));
