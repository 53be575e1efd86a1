import "server-only";
import { deriveRouterId } from "@/lib/domain/model/vrrp";
import { vrrpSchema, type VrrpSettings } from "@/lib/domain/schema";
import type { GlobalSettings, GlobalSettingsInput, Redundancy, RedundancyInput } from "@/lib/domain/schema/cluster-forms";
import type { Cluster, Prisma } from "@/lib/generated/prisma/client";
import { requireClusterPermission } from "./auth/cluster-access";
import { DataError, NotFoundError, StaleVersionError, isUniqueViolation } from "./data-errors";
import { db } from "./db";
import { auditChange } from "./panel-audit";

/** A cluster's settings as the Global settings and Redundancy forms edit them. */
export interface ClusterSettingsDetail {
  id: number;
  version: number;
  serialNo: number;
  globalSettings: GlobalSettingsInput;
  redundancy: RedundancyInput;
  /** What an unset router pair renders with, for the form's hints and first values. */
  vrrpDefaults: VrrpDefaults;
}

/** The router pair's effective defaults: schema defaults plus the derived router id and advert interval. */
export interface VrrpDefaults {
  routerId: number;
  advertSeconds: number;
  priorityPrimary: number;
  priorityBackup: number;
  preempt: boolean;
}

const str = (v: string | null) => v ?? undefined;
const num = (v: number | null) => v ?? undefined;

/** Stored VRRP columns → the document's cluster.vrrp (undefined when the pair was never set). */
export function toVrrp(c: Cluster): VrrpSettings | undefined {
  if (c.vrrpPriorityPrimary === null) return undefined;
  const vrrp = {
    routerId: num(c.vrrpRouterId),
    priorityPrimary: c.vrrpPriorityPrimary,
    priorityBackup: c.vrrpPriorityBackup ?? 100,
    preempt: c.vrrpPreempt ?? true,
    advertSeconds: num(c.vrrpAdvertSeconds),
    interface: str(c.vrrpInterface),
  };
  return Object.fromEntries(Object.entries(vrrp).filter(([, v]) => v !== undefined)) as VrrpSettings;
}

/** The document's cluster.vrrp → its columns (all null when absent). */
export function vrrpData(v: VrrpSettings | undefined) {
  return {
    vrrpRouterId: v?.routerId ?? null,
    vrrpPriorityPrimary: v?.priorityPrimary ?? null,
    vrrpPriorityBackup: v?.priorityBackup ?? null,
    vrrpPreempt: v?.preempt ?? null,
    vrrpAdvertSeconds: v?.advertSeconds ?? null,
    vrrpInterface: v?.interface ?? null,
  } satisfies Prisma.ClusterUpdateManyMutationInput;
}

function toDetail(c: Cluster): ClusterSettingsDetail {
  const natRouter = c.natRouterIp || c.natRouterNetmask || c.natRouterDevice
    ? { ip: c.natRouterIp ?? "", netmask: c.natRouterNetmask ?? "", device: c.natRouterDevice ?? "" }
    : undefined;
  return {
    id: c.id,
    version: c.version,
    serialNo: c.serialNo,
    globalSettings: {
      name: c.name,
      primary: { publicIp: c.primaryPublicIp, privateIp: str(c.primaryPrivateIp) },
      network: c.network as GlobalSettings["network"],
      natRouter,
      timeouts: { tcp: c.timeoutTcp, tcpfin: c.timeoutTcpFin, udp: c.timeoutUdp },
    },
    redundancy: {
      backup: { enabled: c.backupEnabled, publicIp: str(c.backupPublicIp), privateIp: str(c.backupPrivateIp) },
      heartbeat: { intervalSeconds: c.heartbeatInterval, deadAfterSeconds: c.heartbeatDeadAfter, port: c.heartbeatPort },
      monitorLinks: c.monitorLinks,
      syncDaemon: c.syncDaemon,
      vrrp: toVrrp(c),
    },
    vrrpDefaults: { ...vrrpSchema.parse({}), routerId: deriveRouterId(c.name), advertSeconds: c.heartbeatInterval },
  };
}

/** The Global settings and Redundancy of one cluster. */
export async function getClusterSettings(clusterId: number): Promise<ClusterSettingsDetail> {
  await requireClusterPermission(clusterId, "cluster.read");
  const c = await db.cluster.findUnique({ where: { id: clusterId } });
  if (!c) throw new NotFoundError("cluster");
  return toDetail(c);
}

/** Saves Piranha GLOBAL SETTINGS (validated by the caller with globalSettingsSchema). Admins only. */
export async function updateGlobalSettings(id: number, version: number, input: GlobalSettings): Promise<ClusterSettingsDetail> {
  return saveSettings(id, version, "cluster.settings.update", globalSettingsData(input), input.name);
}

/** Saves Piranha REDUNDANCY (validated by the caller with redundancySchema). Admins only. */
export async function updateRedundancy(id: number, version: number, input: Redundancy): Promise<ClusterSettingsDetail> {
  return saveSettings(id, version, "cluster.redundancy.update", redundancyData(input));
}

/** Global settings → cluster columns (also used when a whole document is imported). */
export function globalSettingsData(input: GlobalSettings) {
  return {
    name: input.name,
    primaryPublicIp: input.primary.publicIp,
    primaryPrivateIp: input.primary.privateIp ?? null,
    network: input.network,
    natRouterIp: input.natRouter?.ip ?? null,
    natRouterNetmask: input.natRouter === undefined ? null : String(input.natRouter.netmask),
    natRouterDevice: input.natRouter?.device ?? null,
    timeoutTcp: input.timeouts.tcp,
    timeoutTcpFin: input.timeouts.tcpfin,
    timeoutUdp: input.timeouts.udp,
  } satisfies Prisma.ClusterUpdateManyMutationInput;
}

/** Redundancy → cluster columns (also used when a whole document is imported). */
export function redundancyData(input: Redundancy) {
  return {
    backupEnabled: input.backup?.enabled ?? false,
    backupPublicIp: input.backup?.publicIp ?? null,
    backupPrivateIp: input.backup?.privateIp ?? null,
    heartbeatInterval: input.heartbeat.intervalSeconds,
    heartbeatDeadAfter: input.heartbeat.deadAfterSeconds,
    heartbeatPort: input.heartbeat.port,
    monitorLinks: input.monitorLinks,
    syncDaemon: input.syncDaemon,
    ...vrrpData(input.vrrp),
  } satisfies Prisma.ClusterUpdateManyMutationInput;
}

async function saveSettings(
  id: number, version: number, action: string, data: Prisma.ClusterUpdateManyMutationInput, name?: string,
): Promise<ClusterSettingsDetail> {
  const user = await requireClusterPermission(id, "cluster.write");
  try {
    return await db.$transaction(async (tx) => {
      const before = await tx.cluster.findUnique({ where: { id } });
      if (!before) throw new NotFoundError("cluster");
      const { count } = await tx.cluster.updateMany({
        where: { id, version },
        data: { ...data, serialNo: { increment: 1 }, version: { increment: 1 } },
      });
      if (count === 0) throw new StaleVersionError("cluster", toDetail(before));
      const after = await tx.cluster.findUniqueOrThrow({ where: { id } });
      const [b, a] = [toDetail(before), toDetail(after)];
      await auditChange(tx, user, {
        action, targetType: "cluster", targetId: id, clusterId: id,
        before: { ...b.globalSettings, ...b.redundancy }, after: { ...a.globalSettings, ...a.redundancy },
      });
      return a;
    });
  } catch (error) {
    if (isUniqueViolation(error) && name !== undefined) {
      throw new DataError(`A cluster named ${name} already exists. Nothing was saved.`, {
        fieldErrors: { name: `${name} is already taken; choose another name` },
      });
    }
    throw error;
  }
}
