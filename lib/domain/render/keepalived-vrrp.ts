import { canonicalAddress, familyOf } from "../model/address";
import { vipPrefix } from "../model/vip";
import { baseInterface, hasFloatingAddresses, resolveVrrp, type ResolvedVrrp, type RouterRole } from "../model/vrrp";
import type { LvsDocument } from "../schema/document";
import { maskPrefix } from "../schema/primitives";

// MISC_CHECK scripts run as root (lint says so); script security makes keepalived
// refuse a script any other user could have changed, instead of running it.
const SCRIPT_SECURITY = ["\tscript_user root", "\tenable_script_security"];

/** keepalived global_defs: router id, IPVS timeouts, script security when scripts run, and the sync daemon. */
export function keepalivedGlobalLines(doc: LvsDocument, role: RouterRole, runsScripts: boolean): string[] {
  const c = doc.cluster;
  const t = c.timeouts;
  const timeouts = t.tcp > 0 || t.tcpfin > 0 || t.udp > 0 ? [`\tlvs_timeouts tcp ${t.tcp} tcpfin ${t.tcpfin} udp ${t.udp}`] : [];
  const vrrp = resolveVrrp(doc);
  // The sync daemon follows the VRRP instance: master sync on the MASTER, backup sync on the BACKUP.
  const sync = c.syncDaemon && vrrp.interface !== undefined && hasFloatingAddresses(doc)
    ? [`\tlvs_sync_daemon ${vrrp.interface} ${c.name}`]
    : [];
  const id = role === "primary" ? c.name : `${c.name}-backup`;
  return ["global_defs {", `\trouter_id ${id}`, ...timeouts, ...(runsScripts ? SCRIPT_SECURITY : []), ...sync, "}", ""];
}

interface Floating {
  family: 4 | 6;
  line: string;
  device: string;
}

function addressLine(address: string, prefix: number, device: string): Floating {
  const family = familyOf(address);
  const label = family === 4 && device.includes(":") ? ` label ${device}` : "";
  return { family, device, line: `\t\t${canonicalAddress(address)}/${prefix} dev ${baseInterface(device)}${label}` };
}

// What moves between the routers: every active VIP that names a device, and
// under NAT the gateway the real servers route through (Piranha's nat_router),
// which must come up wherever the VIPs are or replies go nowhere.
/** The addresses the VRRP instance carries, in document order, each once. */
export function floatingAddresses(doc: LvsDocument): Floating[] {
  const seen = new Set<string>();
  const out: Floating[] = [];
  for (const vs of doc.virtualServers) {
    if (!vs.active || vs.device === undefined) continue;
    const vip = canonicalAddress(vs.vip);
    if (seen.has(vip)) continue;
    seen.add(vip);
    out.push(addressLine(vs.vip, vipPrefix(vs.vipNetmask, familyOf(vs.vip)), vs.device));
  }
  const nat = doc.cluster.natRouter;
  if (doc.cluster.network === "nat" && nat !== undefined && !seen.has(canonicalAddress(nat.ip))) {
    out.push(addressLine(nat.ip, maskPrefix(nat.netmask, familyOf(nat.ip)), nat.device));
  }
  return out;
}

// Unicast adverts go between the routers' own addresses, and keepalived takes
// the instance's family from them: when those differ from the VIPs' family the
// pair falls back to multicast adverts in the VIPs' family.
function unicastLines(doc: LvsDocument, role: RouterRole, family: 4 | 6): string[] {
  const c = doc.cluster;
  if (!c.backup?.enabled || c.backup.publicIp === undefined) return [];
  const primary = c.primary.privateIp ?? c.primary.publicIp;
  const backup = c.backup.privateIp ?? c.backup.publicIp;
  const [self, peer] = role === "primary" ? [primary, backup] : [backup, primary];
  if (familyOf(peer) !== family || familyOf(self) !== family) return [];
  return [`\tunicast_src_ip ${canonicalAddress(self)}`, "\tunicast_peer {", `\t\t${canonicalAddress(peer)}`, "\t}"];
}

// keepalived only honours nopreempt when the instance starts as BACKUP, so
// without preemption both routers start as BACKUP and priority alone decides.
function stateLines(vrrp: ResolvedVrrp, role: RouterRole): string[] {
  const state = role === "primary" && vrrp.preempt ? "MASTER" : "BACKUP";
  const priority = role === "primary" ? vrrp.priorityPrimary : vrrp.priorityBackup;
  return [`\tstate ${state}`, `\tinterface ${vrrp.interface}`, `\tvirtual_router_id ${vrrp.routerId}`, `\tpriority ${priority}`,
    ...(vrrp.preempt ? [] : ["\tnopreempt"])];
}

// One instance rather than a second one for the NAT gateway in a sync group:
// one state machine can never leave the gateway on one router and the VIPs on
// the other, and needs no second router id; tracking the gateway's interface
// still fails over when the inside link goes down.
function trackLines(vrrp: ResolvedVrrp, floating: readonly Floating[]): string[] {
  const others = [...new Set(floating.map((f) => baseInterface(f.device)))].filter((d) => d !== vrrp.interface);
  return others.length === 0 ? [] : ["\ttrack_interface {", ...others.map((d) => `\t\t${d}`), "\t}"];
}

/** The vrrp_instance holding every floating address, for one router of the pair (nothing when nothing floats). */
export function keepalivedVrrpLines(doc: LvsDocument, role: RouterRole): string[] {
  const floating = floatingAddresses(doc);
  const vrrp = resolveVrrp(doc);
  if (floating.length === 0 || vrrp.interface === undefined) return [];
  const family = floating.some((f) => f.family === 4) ? 4 : 6;
  const other = role === "primary"
    ? "! The backup router runs the keepalived-backup file (state BACKUP, lower priority)."
    : "! The primary router runs the keepalived file; this is the backup's.";
  return [
    other,
    `vrrp_instance ${doc.cluster.name} {`,
    ...stateLines(vrrp, role),
    `\tadvert_int ${vrrp.advertSeconds}`,
    ...unicastLines(doc, role, family),
    ...trackLines(vrrp, floating),
    ...addressBlocks(floating.filter((f) => f.family === 4).map((f) => f.line), floating.filter((f) => f.family === 6).map((f) => f.line)),
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
