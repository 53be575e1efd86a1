import { parseAddress } from "../model/address";
import type { KaNode } from "./keepalived-syntax";
import type { MessageLog } from "./messages";
import type { ClusterFacts } from "./services";

/** An address a VRRP instance holds, with its prefix and device (label wins), for VIPs and the NAT gateway. */
export interface VrrpAddress {
  address: string;
  prefix?: number;
  device?: string;
  file: string;
  line: number;
}

const NAME = /^[A-Za-z0-9_.-]{1,31}$/;

/** Reads global_defs: router id (the cluster name), IPVS timeouts, the sync daemon. */
export function readGlobalDefs(node: KaNode, cluster: ClusterFacts, log: MessageLog): void {
  for (const child of node.children ?? []) {
    const l = log.forFile(child.file);
    const [key = "", ...args] = child.words;
    if (key === "router_id" && args[0] !== undefined && NAME.test(args[0])) {
      cluster.name ??= args[0];
      l.note(child.line, `router_id ${args[0]} read as the cluster name`, "cluster");
    } else if (key === "lvs_timeouts") {
      const t: Record<string, number> = {};
      for (let i = 0; i + 1 < args.length; i += 2) t[args[i] ?? ""] = Number(args[i + 1]);
      cluster.timeouts = { tcp: t.tcp ?? 0, tcpfin: t.tcpfin ?? 0, udp: t.udp ?? 0 };
    } else if (key === "lvs_sync_daemon") {
      cluster.syncDaemon = true;
      l.note(child.line, "lvs_sync_daemon read as sync daemon on (its interface and instance are not carried)", "cluster");
    } else if (key === "script_user" || key === "enable_script_security") {
      // The keepalived renderer writes both whenever a MISC_CHECK runs: the model derives them.
      l.note(child.line, `global_defs ${key}: written again on export whenever a misc check runs`, "cluster");
    } else l.warn(child.line, `global_defs ${key} not imported: the model does not carry it`, "cluster");
  }
}

// The first vrrp_instance is the router pair; MASTER means this file is the
// primary's, BACKUP the backup's, which decides whose address unicast_src_ip is.
/** Reads a vrrp_instance into VRRP settings and router addresses; returns the addresses it floats. */
export function readVrrpInstance(node: KaNode, first: boolean, cluster: ClusterFacts, log: MessageLog): VrrpAddress[] {
  const addresses: VrrpAddress[] = [];
  const l0 = log.forFile(node.file);
  if (!first) l0.warn(node.line, `vrrp_instance ${node.words[1] ?? ""} not imported as VRRP settings: the model carries one instance per router pair (its addresses still name devices)`, "cluster");
  const vrrp: Record<string, unknown> = {};
  let state = "MASTER";
  let priority: number | undefined;
  let src: string | undefined;
  const peers: string[] = [];
  for (const child of node.children ?? []) {
    const l = log.forFile(child.file);
    const [key = "", value = ""] = child.words;
    if (key === "virtual_ipaddress" || key === "virtual_ipaddress_excluded") {
      for (const a of child.children ?? []) addresses.push(readAddress(a, log));
    } else if (!first) continue;
    else if (key === "state") state = value.toUpperCase();
    else if (key === "interface") vrrp.interface = value;
    else if (key === "virtual_router_id") vrrp.routerId = Number(value);
    else if (key === "priority") priority = Number(value);
    else if (key === "advert_int") vrrp.advertSeconds = Math.max(1, Math.round(Number(value)));
    else if (key === "nopreempt") vrrp.preempt = false;
    else if (key === "preempt") vrrp.preempt = true;
    else if (key === "unicast_src_ip") src = parseAddress(value)?.canonical;
    else if (key === "track_interface") l.note(child.line, "track_interface: the export tracks every interface a floating address uses besides the VRRP interface", "cluster");
    else if (key === "unicast_peer") for (const p of child.children ?? []) peers.push(parseAddress(p.words[0] ?? "")?.canonical ?? "");
    else l.warn(child.line, `vrrp_instance ${key} not imported: the model does not carry it${key.startsWith("notify") || key.startsWith("track_script") ? " (scripts run as root are never generated)" : ""}`, "cluster");
  }
  if (!first) return addresses;
  // Without preemption both routers start as BACKUP (keepalived honours nopreempt only
  // there): the backup's file is then the one whose router_id is NAME-backup.
  const backup = state === "BACKUP" && (vrrp.preempt !== false || cluster.name?.endsWith("-backup") === true);
  if (priority !== undefined) vrrp[backup ? "priorityBackup" : "priorityPrimary"] = priority;
  // The backup's file names its router `NAME-backup` (keepalived-backup): the cluster is NAME.
  if (backup && cluster.name?.endsWith("-backup")) cluster.name = cluster.name.slice(0, -"-backup".length);
  if (backup) l0.note(node.line, "state BACKUP: this is the backup router's file; its priority is the backup priority and unicast_src_ip the backup's address", "cluster");
  const peer = peers.filter((p) => p !== "");
  if (peer.length > 1) l0.warn(node.line, `unicast_peer lists ${peer.length} peers; the model has one backup: only ${peer[0]} imported`, "cluster");
  const [self, other] = backup ? [peer[0], src] : [src, peer[0]];
  if (self !== undefined) cluster.primary = { publicIp: self };
  if (other !== undefined) cluster.backup = { enabled: true, publicIp: other };
  cluster.vrrp = vrrp;
  return addresses;
}

function readAddress(node: KaNode, log: MessageLog): VrrpAddress {
  const [spec = "", ...rest] = node.words;
  const [addr = "", prefix] = spec.split("/");
  const dev = rest[rest.indexOf("dev") + 1];
  const label = rest.indexOf("label") >= 0 ? rest[rest.indexOf("label") + 1] : undefined;
  const extra = rest.filter((w, i) => !["dev", "label"].includes(w) && !["dev", "label"].includes(rest[i - 1] ?? ""));
  if (extra.length > 0) log.forFile(node.file).warn(node.line, `virtual address options ${extra.join(" ")} not imported`);
  const a = parseAddress(addr);
  return {
    address: a?.canonical ?? addr, ...(prefix === undefined ? {} : { prefix: Number(prefix) }),
    ...(label ?? (rest.includes("dev") ? dev : undefined) ? { device: label ?? dev } : {}), file: node.file, line: node.line,
  };
}
