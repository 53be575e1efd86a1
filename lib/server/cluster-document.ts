import "server-only";
import type { Cluster, Prisma } from "@/lib/generated/prisma/client";
import { lvsDocumentSchema, type LvsDocument } from "@/lib/domain/schema";
import { toVrrp } from "./cluster-settings";
import { db } from "./db";
import { maskOut, toVirtualServerValues } from "./virtual-server-mapping";

type Tx = Prisma.TransactionClient;

// No orderBy on the nested lists: Prisma cannot split an ordered nested load
// into chunks, so past 999 parents SQLite refuses it (P2029, "query parameter
// limit exceeded"). Ports and real servers are ordered in toDocument instead.
const clusterInclude = {
  firewallMarks: { orderBy: [{ mark: "asc" }, { id: "asc" }], include: { ports: true } },
  virtualServers: { orderBy: { name: "asc" }, include: { realServers: true } },
} satisfies Prisma.ClusterInclude;

const byKey = <T>(key: (t: T) => string | number) => (a: T, b: T) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0);

type ClusterRow = Prisma.ClusterGetPayload<{ include: typeof clusterInclude }>;

const opt = <K extends string, V>(key: K, value: V | null | undefined) =>
  (value === null || value === undefined ? {} : { [key]: value }) as Partial<Record<K, V>>;

/** The cluster settings of a cluster row, as the document writes them (before defaults). */
export function toClusterSettingsInput(c: Cluster) {
  return {
    name: c.name,
    primary: { publicIp: c.primaryPublicIp, ...opt("privateIp", c.primaryPrivateIp) },
    network: c.network,
    ...(c.natRouterIp && c.natRouterNetmask && c.natRouterDevice
      ? { natRouter: { ip: c.natRouterIp, netmask: maskOut(c.natRouterNetmask, c.natRouterIp), device: c.natRouterDevice } }
      : {}),
    backup: { enabled: c.backupEnabled, ...opt("publicIp", c.backupPublicIp), ...opt("privateIp", c.backupPrivateIp) },
    heartbeat: { intervalSeconds: c.heartbeatInterval, deadAfterSeconds: c.heartbeatDeadAfter, port: c.heartbeatPort },
    monitorLinks: c.monitorLinks,
    syncDaemon: c.syncDaemon,
    timeouts: { tcp: c.timeoutTcp, tcpfin: c.timeoutTcpFin, udp: c.timeoutUdp },
    ...opt("vrrp", toVrrp(c)),
    serialNo: c.serialNo,
  };
}

/** Builds the interchange document of a loaded cluster (the form every renderer takes). */
export function toDocument(c: ClusterRow): LvsDocument {
  const raw = {
    version: 1,
    cluster: toClusterSettingsInput(c),
    firewallMarks: c.firewallMarks.map((b) => ({
      mark: Number(b.mark),
      name: b.name,
      ...(b.description ? { description: b.description } : {}),
      vip: b.vip,
      protocol: b.protocol,
      ports: [...b.ports].sort(byKey((p) => p.position)).map((p) => (p.lo === p.hi ? String(p.lo) : `${p.lo}-${p.hi}`)),
    })),
    virtualServers: c.virtualServers.map((v) => ({
      ...toVirtualServerValues(v),
      realServers: [...v.realServers].sort(byKey((r) => r.name)).map((r) => ({
        name: r.name,
        address: r.address,
        ...opt("port", r.port),
        weight: r.weight,
        active: r.active,
      })),
    })),
  };
  // Rows were validated on the way in; parsing again fills defaults and guards
  // the renderers against anything written to the database by other means.
  const parsed = lvsDocumentSchema.safeParse(raw);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    throw new Error(`cluster ${c.name} holds data the document schema refuses at ${first?.path.join(".")}: ${first?.message}`);
  }
  return parsed.data;
}

/** A document plus the database ids behind its lists, so diagnostics can link to the objects at fault. */
export interface ClusterSnapshot {
  doc: LvsDocument;
  ids: { firewallMarks: number[]; virtualServers: number[]; realServers: number[][] };
}

/** The cluster's model and row ids, read in one query. No authorization: callers check it. */
export async function readClusterSnapshot(clusterId: number, tx: Tx | typeof db = db): Promise<ClusterSnapshot | null> {
  const row = await tx.cluster.findUnique({ where: { id: clusterId }, include: clusterInclude });
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
