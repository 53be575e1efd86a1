import "server-only";
import { lintRouterIds, type Diagnostic } from "@/lib/domain/lint";
import { parseDocument, type LvsDocument } from "@/lib/domain/schema";
import { toClusterSettingsInput } from "./cluster-mapping";
import { db, type Tx } from "./db";

// A router id conflict is a fact about two clusters, so lintDocument (one
// document) cannot see it. Only what resolveVrrp reads is loaded per cluster:
// its settings and the first active virtual server holding a device (document
// order is by name), which decides the default VRRP interface.
/** ROUTER_ID_CONFLICT diagnostics of one cluster against every other cluster of the console. No authorization: callers check it. */
export async function routerIdDiagnostics(clusterId: number, tx: Tx | typeof db = db): Promise<Diagnostic[]> {
  const clusters = await tx.cluster.findMany({
    // Hidden staging clusters of an import in progress are not routers.
    where: { stagingFor: null },
    orderBy: { id: "asc" },
    include: {
      virtualServers: {
        where: { active: true, device: { not: null } },
        orderBy: { name: "asc" },
        take: 1,
        select: { name: true, vip: true, device: true },
      },
    },
  });
  if (clusters.length < 2) return [];
  const docs: LvsDocument[] = [];
  let index = -1;
  for (const c of clusters) {
    const parsed = parseDocument({
      version: 1,
      cluster: toClusterSettingsInput(c),
      virtualServers: c.virtualServers.map((v) => ({ name: v.name, vip: v.vip, port: 1, device: v.device ?? undefined })),
    });
    // A cluster whose rows the schema refuses cannot render keepalived files at all; it claims no id.
    if (!parsed.ok) continue;
    if (c.id === clusterId) index = docs.length;
    docs.push(parsed.doc);
  }
  return index < 0 ? [] : (lintRouterIds(docs)[index] ?? []);
}
