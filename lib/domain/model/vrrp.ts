import type { LvsDocument } from "../schema/document";

/** Which router of the pair a keepalived file is for. */
export type RouterRole = "primary" | "backup";

/** The router pair's VRRP settings with every default resolved. */
export interface ResolvedVrrp {
  routerId: number;
  priorityPrimary: number;
  priorityBackup: number;
  preempt: boolean;
  advertSeconds: number;
  /** Interface the adverts use; undefined when neither vrrp.interface nor any device names one. */
  interface?: string;
}

// The id earlier releases rendered for every cluster; it stays the default so
// upgrading changes nothing on the routers.
/** The default VRRP router id 1-255, derived from the cluster name (shown in the form). */
export function deriveRouterId(clusterName: string): number {
  let h = 0;
  for (const ch of clusterName) h = (h * 31 + ch.charCodeAt(0)) % 65521;
  return (h % 255) + 1;
}

/** The interface part of a device or alias label (`eth0:1` → `eth0`). */
export function baseInterface(device: string): string {
  return device.split(":")[0] ?? device;
}

/** The VRRP settings a cluster's keepalived files use, defaults filled in. */
export function resolveVrrp(doc: LvsDocument): ResolvedVrrp {
  const c = doc.cluster;
  const v = c.vrrp;
  const firstDevice = doc.virtualServers.find((vs) => vs.active && vs.device !== undefined)?.device ?? c.natRouter?.device;
  const iface = v?.interface ?? firstDevice;
  return {
    routerId: v?.routerId ?? deriveRouterId(c.name),
    priorityPrimary: v?.priorityPrimary ?? 150,
    priorityBackup: v?.priorityBackup ?? 100,
    preempt: v?.preempt ?? true,
    advertSeconds: v?.advertSeconds ?? c.heartbeat.intervalSeconds,
    ...(iface === undefined ? {} : { interface: baseInterface(iface) }),
  };
}

/** True when the pair has something to move: an active VIP with a device, or a NAT cluster's gateway. */
export function hasFloatingAddresses(doc: LvsDocument): boolean {
  const c = doc.cluster;
  return doc.virtualServers.some((vs) => vs.active && vs.device !== undefined) || (c.network === "nat" && c.natRouter !== undefined);
}
