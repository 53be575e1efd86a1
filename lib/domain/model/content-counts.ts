import type { LvsDocument } from "../schema";

/** How many bundles, virtual servers and real servers a document holds. */
export function contentCounts(doc: Pick<LvsDocument, "firewallMarks" | "virtualServers">) {
  return {
    firewallMarks: doc.firewallMarks.length,
    virtualServers: doc.virtualServers.length,
    realServers: doc.virtualServers.reduce((n, v) => n + v.realServers.length, 0),
  };
}
