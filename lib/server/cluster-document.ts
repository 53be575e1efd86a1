import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { parseDocument, type LvsDocument } from "@/lib/domain/schema";
import { toBundleValues } from "./bundle-mapping";
import { toClusterSettingsInput } from "./cluster-mapping";
import { db, type Tx } from "./db";
import { toRealServerValues } from "./real-server-mapping";
import { toVirtualServerValues } from "./virtual-server-mapping";

// No orderBy on the nested lists: Prisma cannot split an ordered nested load
// into chunks, so past 999 parents SQLite refuses it (P2029, "query parameter
// limit exceeded"). Ports are ordered by toBundleValues, real servers in toDocument.
const clusterInclude = {
  firewallMarks: { orderBy: [{ mark: "asc" }, { id: "asc" }], include: { ports: true } },
  virtualServers: { orderBy: { name: "asc" }, include: { realServers: true } },
} satisfies Prisma.ClusterInclude;

const byKey = <T>(key: (t: T) => string | number) => (a: T, b: T) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0);

type ClusterRow = Prisma.ClusterGetPayload<{ include: typeof clusterInclude }>;

/** Builds the interchange document of a loaded cluster (the form every renderer takes). */
export function toDocument(c: ClusterRow): LvsDocument {
  const raw = {
    version: 1,
    cluster: toClusterSettingsInput(c),
    firewallMarks: c.firewallMarks.map(toBundleValues),
    virtualServers: c.virtualServers.map((v) => ({
      ...toVirtualServerValues(v),
      realServers: [...v.realServers].sort(byKey((r) => r.name)).map(toRealServerValues),
    })),
  };
  // Rows were validated on the way in; parsing again fills defaults and guards
  // the renderers against anything written to the database by other means.
  const parsed = parseDocument(raw);
  if (!parsed.ok) {
    const first = parsed.issues[0];
    throw new Error(`cluster ${c.name} holds data the document schema refuses at ${first?.path}: ${first?.message}`);
  }
  return parsed.doc;
}

/** A document plus the database ids behind its lists, so diagnostics can link to the objects at fault. */
export interface ClusterSnapshot {
  doc: LvsDocument;
  ids: { firewallMarks: number[]; virtualServers: number[]; realServers: number[][] };
}

/** Row ids to read instead of every bundle and virtual server (a part of the cluster, in the same order). */
export interface SnapshotPart {
  firewallMarks: number[];
  virtualServers: number[];
}

/** The cluster's model and row ids (or only `part` of its bundles and virtual servers), read in one query. No authorization: callers check it. */
export async function readClusterSnapshot(clusterId: number, tx: Tx | typeof db = db, part?: SnapshotPart): Promise<ClusterSnapshot | null> {
  const include = part === undefined ? clusterInclude : {
    firewallMarks: { ...clusterInclude.firewallMarks, where: { id: { in: part.firewallMarks } } },
    virtualServers: { ...clusterInclude.virtualServers, where: { id: { in: part.virtualServers } } },
  };
  const row = await tx.cluster.findUnique({ where: { id: clusterId }, include });
  if (!row) return null;
  return {
    doc: toDocument(row),
    ids: {
      firewallMarks: row.firewallMarks.map((b) => b.id),
      virtualServers: row.virtualServers.map((v) => v.id),
      // In the document's order of real servers (toDocument sorts them by name).
      realServers: row.virtualServers.map((v) => [...v.realServers].sort(byKey((r) => r.name)).map((r) => r.id)),
    },
  };
}

/** The cluster's model as an interchange document. No authorization: callers check it. */
export async function readClusterDocument(clusterId: number, tx: Tx | typeof db = db): Promise<LvsDocument | null> {
  return (await readClusterSnapshot(clusterId, tx))?.doc ?? null;
}

/** A cluster's settings section and version without its bundles and virtual servers (one row), or null for none or a hidden one. */
export async function readClusterHead(clusterId: number, tx: Tx | typeof db = db): Promise<{ cluster: LvsDocument["cluster"]; version: number } | null> {
  const row = await tx.cluster.findUnique({ where: { id: clusterId } });
  if (!row || row.stagingFor !== null) return null;
  return { cluster: toDocument({ ...row, firewallMarks: [], virtualServers: [] }).cluster, version: row.version };
}

/** How many bundles, virtual servers and real servers a cluster holds. */
export async function countClusterContent(clusterId: number, tx: Tx | typeof db = db) {
  const [firewallMarks, virtualServers, realServers] = await Promise.all([
    tx.firewallMarkBundle.count({ where: { clusterId } }),
    tx.virtualServer.count({ where: { clusterId } }),
    tx.realServer.count({ where: { virtualServer: { clusterId } } }),
  ]);
  return { firewallMarks, virtualServers, realServers };
}
