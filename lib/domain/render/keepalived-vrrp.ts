import { canonicalAddress, familyOf } from "../model/address";
import type { LvsDocument } from "../schema/document";
import { maskPrefix } from "../schema/primitives";

/** keepalived global_defs: router id and IPVS timeouts. */
export function keepalivedGlobalLines(doc: LvsDocument): string[] {
  const t = doc.cluster.timeouts;
  const timeouts = t.tcp > 0 || t.tcpfin > 0 || t.udp > 0 ? [`\tlvs_timeouts tcp ${t.tcp} tcpfin ${t.tcpfin} udp ${t.udp}`] : [];
  return ["global_defs {", `\trouter_id ${doc.cluster.name}`, ...timeouts, "}", ""];
}

/** A stable VRRP router id 1-255 derived from the cluster name. */
export function vrrpRouterId(name: string): number {
  let h = 0;
  for (const ch of name) h = (h * 31 + ch.charCodeAt(0)) % 65521;
  return (h % 255) + 1;
}

function baseInterface(device: string): string {
  return device.split(":")[0] ?? device;
}

// The VRRP instance moves the VIPs between primary and backup (pulse's job in
// Piranha); it only exists when the virtual servers name the device to hold them.
/** The vrrp_instance holding every active VIP that has a device, or nothing. */
export function keepalivedVrrpLines(doc: LvsDocument): string[] {
  const withDevice = doc.virtualServers.filter((v) => v.active && v.device !== undefined);
  const first = withDevice[0]?.device;
  if (first === undefined) return [];
  const seen = new Set<string>();
  const v4: string[] = [];
  const v6: string[] = [];
  for (const vs of withDevice) {
    const family = familyOf(vs.vip);
    const vip = canonicalAddress(vs.vip);
    if (seen.has(vip)) continue;
    seen.add(vip);
    const prefix = vs.vipNetmask === undefined ? (family === 4 ? 32 : 128) : maskPrefix(vs.vipNetmask, family);
    const device = vs.device ?? first;
    const label = family === 4 && device.includes(":") ? ` label ${device}` : "";
    (family === 4 ? v4 : v6).push(`\t\t${vip}/${prefix} dev ${baseInterface(device)}${label}`);
  }
  const c = doc.cluster;
  const self = c.primary.privateIp ?? c.primary.publicIp;
  const peer = c.backup?.enabled ? (c.backup.privateIp ?? c.backup.publicIp) : undefined;
  const unicast = peer !== undefined && familyOf(peer) === familyOf(self)
    ? [`\tunicast_src_ip ${canonicalAddress(self)}`, "\tunicast_peer {", `\t\t${canonicalAddress(peer)}`, "\t}"]
    : [];
  return [
    "! On the backup router use state BACKUP and a lower priority.",
    `vrrp_instance ${c.name} {`,
    "\tstate MASTER",
    `\tinterface ${baseInterface(first)}`,
    `\tvirtual_router_id ${vrrpRouterId(c.name)}`,
    "\tpriority 150",
    `\tadvert_int ${c.heartbeat.intervalSeconds}`,
    ...unicast,
    ...addressBlocks(v4, v6),
    "}",
    "",
  ];
}

// VRRP adverts carry one family; the other family's VIPs ride along as excluded addresses.
function addressBlocks(v4: string[], v6: string[]): string[] {
  const [main, extra] = v4.length > 0 ? [v4, v6] : [v6, []];
  return [
    "\tvirtual_ipaddress {", ...main, "\t}",
    ...(extra.length > 0 ? ["\tvirtual_ipaddress_excluded {", ...extra, "\t}"] : []),
  ];
}
