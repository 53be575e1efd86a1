import "server-only";
import type { VrrpSettings } from "@/lib/domain/schema";
import type { GlobalSettings, GlobalSettingsInput, Redundancy, RedundancyInput } from "@/lib/domain/schema/cluster-forms";
import type { Cluster, Prisma } from "@/lib/generated/prisma/client";
import { definedOnly, maskFromColumn, maskToColumn, optionalNumber, optionalText, toColumns } from "./stored-values";

// The one mapping between a cluster row and the cluster settings of the model,
// both ways: the Global settings and Redundancy forms, the interchange document
// and the import all read and write the columns through here.

// The writers below set the three NAT router columns together or not at all;
// a row holding only some of them (written by other means) has no NAT router:
// the form shows none and lint reports the NAT cluster without one, exactly as
// the renderers see it.
/** Stored NAT router columns → the settings' natRouter (undefined unless all three are set). */
export function toNatRouter(c: Cluster): GlobalSettingsInput["natRouter"] {
  if (!c.natRouterIp || !c.natRouterNetmask || !c.natRouterDevice) return undefined;
  return { ip: c.natRouterIp, netmask: maskFromColumn(c.natRouterNetmask, c.natRouterIp)!, device: c.natRouterDevice };
}

/** Stored VRRP columns → the settings' vrrp (undefined when the pair was never set). */
export function toVrrp(c: Cluster): VrrpSettings | undefined {
  if (c.vrrpPriorityPrimary === null) return undefined;
  return definedOnly({
    routerId: optionalNumber(c.vrrpRouterId),
    priorityPrimary: c.vrrpPriorityPrimary,
    priorityBackup: c.vrrpPriorityBackup ?? 100,
    preempt: c.vrrpPreempt ?? true,
    advertSeconds: optionalNumber(c.vrrpAdvertSeconds),
    interface: optionalText(c.vrrpInterface),
  }) as VrrpSettings;
}

/** The Global settings form's values of a cluster row. */
export function toGlobalSettingsValues(c: Cluster): GlobalSettingsInput {
  return definedOnly({
    name: c.name,
    primary: definedOnly({ publicIp: c.primaryPublicIp, privateIp: optionalText(c.primaryPrivateIp) }),
    network: c.network as GlobalSettings["network"],
    natRouter: toNatRouter(c),
    timeouts: { tcp: c.timeoutTcp, tcpfin: c.timeoutTcpFin, udp: c.timeoutUdp },
  });
}

/** The Redundancy form's values of a cluster row. */
export function toRedundancyValues(c: Cluster): RedundancyInput {
  return definedOnly({
    backup: definedOnly({ enabled: c.backupEnabled, publicIp: optionalText(c.backupPublicIp), privateIp: optionalText(c.backupPrivateIp) }),
    heartbeat: { intervalSeconds: c.heartbeatInterval, deadAfterSeconds: c.heartbeatDeadAfter, port: c.heartbeatPort },
    monitorLinks: c.monitorLinks,
    syncDaemon: c.syncDaemon,
    vrrp: toVrrp(c),
  });
}

/** The cluster settings of a cluster row, as the document writes them (before defaults). */
export function toClusterSettingsInput(c: Cluster) {
  return { ...toGlobalSettingsValues(c), ...toRedundancyValues(c), serialNo: c.serialNo };
}

const VRRP_COLUMNS = {
  routerId: "vrrpRouterId", priorityPrimary: "vrrpPriorityPrimary", priorityBackup: "vrrpPriorityBackup",
  preempt: "vrrpPreempt", advertSeconds: "vrrpAdvertSeconds", interface: "vrrpInterface",
} as const satisfies Record<keyof VrrpSettings, keyof Cluster>;

/** The settings' vrrp → its columns (all null when absent). */
export function vrrpData(v: VrrpSettings | undefined) {
  return toColumns<Cluster, typeof VRRP_COLUMNS>(v, VRRP_COLUMNS) satisfies Prisma.ClusterUpdateManyMutationInput;
}

/** Global settings → cluster columns (the form and a whole imported document alike). */
export function globalSettingsData(input: GlobalSettings) {
  return {
    name: input.name,
    primaryPublicIp: input.primary.publicIp,
    primaryPrivateIp: input.primary.privateIp ?? null,
    network: input.network,
    natRouterIp: input.natRouter?.ip ?? null,
    natRouterNetmask: maskToColumn(input.natRouter?.netmask),
    natRouterDevice: input.natRouter?.device ?? null,
    timeoutTcp: input.timeouts.tcp,
    timeoutTcpFin: input.timeouts.tcpfin,
    timeoutUdp: input.timeouts.udp,
  } satisfies Prisma.ClusterUpdateManyMutationInput;
}

/** Redundancy → cluster columns (the form and a whole imported document alike). */
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
