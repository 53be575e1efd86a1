import { ipv4MaskFromPrefix, parseAddress } from "../model/address";
import type { ClusterSettingsInput, NetworkType } from "../schema/cluster";
import { vrrpSchema } from "../schema/cluster";
import { formatIssues } from "../schema/format-issues";
import { deriveRouterId } from "../model/vrrp";
import type { VrrpAddress } from "./keepalived-globals";
import type { ImportMessage } from "./messages";
import type { ClusterFacts, ImportedService, ServicesResult } from "./services";

/** The default cluster name of an import that names none. */
export const DEFAULT_CLUSTER_NAME = "imported";

// Each field is taken from the first file that states it; a later file that
// states another value is a warning, so two routers' files never mix silently.
/** Cluster settings from every file's facts, with what was assumed said as notes. */
export function combineCluster(
  files: readonly ServicesResult[], network: NetworkType | undefined, clusterName: string | undefined,
  addresses: VrrpAddress[], services: readonly ImportedService[], messages: ImportMessage[], bundleVips: readonly string[] = [],
): ClusterSettingsInput {
  const facts: ClusterFacts = {};
  for (const f of files) mergeFacts(facts, f.cluster, f.services[0]?.file ?? f.messages[0]?.file ?? "", messages);
  const where = files[0]?.services[0]?.file ?? "";
  const note = (message: string) => messages.push({ severity: "note", file: where, line: 1, message, subject: "cluster" });
  const name = clusterName ?? facts.name ?? DEFAULT_CLUSTER_NAME;
  if (clusterName === undefined && facts.name === undefined) note(`no cluster name in the files: "${name}" assumed (--cluster-name sets one)`);
  const publicIp = facts.primary?.publicIp;
  if (publicIp === undefined) note("the primary router's address is not in the files: 0.0.0.0 stands in; set it in the cluster settings");
  const cluster: ClusterSettingsInput = {
    ...(facts as Partial<ClusterSettingsInput>),
    name,
    primary: { ...facts.primary, publicIp: publicIp ?? "0.0.0.0" },
    ...(network === undefined ? {} : { network }),
  } as ClusterSettingsInput;
  if (network === undefined) note("no forwarding method in the files: nat assumed");
  const nat = natRouter(facts, network, addresses, services, messages, bundleVips);
  if (nat) cluster.natRouter = nat;
  else delete cluster.natRouter;
  if (facts.backup?.enabled && facts.backup.publicIp === undefined) {
    note("backup_active without a backup address: the backup is imported as disabled");
    cluster.backup = { ...facts.backup, enabled: false };
  }
  if (facts.vrrp) {
    const vrrp = { ...facts.vrrp };
    if (vrrp.routerId === deriveRouterId(name)) delete vrrp.routerId;
    const r = vrrpSchema.safeParse(vrrp);
    if (r.success) cluster.vrrp = vrrp;
    else {
      delete cluster.vrrp;
      messages.push({ severity: "warning", file: where, line: 1, message: `VRRP settings not imported: ${formatIssues(r.error).join("; ")}`, subject: "cluster" });
    }
  }
  return cluster;
}

// Nested settings merge field by field: the primary's keepalived.conf states
// vrrp.priorityPrimary, the backup's vrrp.priorityBackup, and both belong.
function mergeFacts(into: ClusterFacts, from: ClusterFacts, file: string, messages: ImportMessage[]): void {
  const target = into as Record<string, unknown>;
  for (const [key, value] of Object.entries(from)) {
    const have = target[key];
    if (have === undefined) target[key] = value;
    else if (isPlain(have) && isPlain(value)) {
      const merged: Record<string, unknown> = { ...have };
      for (const [k, v] of Object.entries(value)) {
        if (merged[k] === undefined) merged[k] = v;
        else if (JSON.stringify(merged[k]) !== JSON.stringify(v)) conflict(`${key}.${k}`, v, merged[k]);
      }
      target[key] = merged;
    } else if (JSON.stringify(have) !== JSON.stringify(value)) conflict(key, value, have);
  }
  function conflict(path: string, value: unknown, have: unknown) {
    messages.push({ severity: "warning", file, line: 1, message: `cluster ${path} ${JSON.stringify(value)} not imported: an earlier file states ${JSON.stringify(have)}`, subject: "cluster" });
  }
}

function isPlain(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === "object" && !Array.isArray(v);
}

// keepalived floats the NAT gateway with the VIPs: an address the VRRP instance
// holds that no virtual server uses, in the real servers' network, is it.
function natRouter(
  facts: ClusterFacts, network: NetworkType | undefined, addresses: VrrpAddress[], services: readonly ImportedService[], messages: ImportMessage[],
  otherVips: readonly string[],
): ClusterSettingsInput["natRouter"] {
  const n = facts.natRouter;
  if (n?.ip !== undefined && n.netmask !== undefined && n.device !== undefined) return { ip: n.ip, netmask: n.netmask, device: n.device };
  if (n?.ip !== undefined) {
    messages.push({ severity: "warning", file: services[0]?.file ?? "", line: 1, message: "NAT router not imported: it needs an address, a netmask and a device", subject: "cluster" });
    return undefined;
  }
  if ((network ?? "nat") !== "nat") return undefined;
  const vips = new Set([...services.map((s) => s.vip), ...otherVips]);
  const candidates = addresses.filter((a) => !vips.has(a.address) && a.device !== undefined && a.prefix !== undefined && parseAddress(a.address)?.family === 4);
  const inNetwork = candidates.find((a) => services.some((s) => s.realServers.some((r) => sameNetwork(r.address, a.address, a.prefix ?? 32))));
  // Our keepalived files float the gateway after every VIP: without a real server
  // in its network, the last address no service uses is taken, and said so.
  const gateway = inNetwork ?? candidates[candidates.length - 1];
  if (!gateway || gateway.prefix === undefined || gateway.device === undefined) return undefined;
  const why = inNetwork ? "is in the real servers' network and no virtual server's VIP" : "is the last floating address no virtual server uses";
  messages.push({ severity: "note", file: gateway.file, line: gateway.line, message: `${gateway.address}/${gateway.prefix} ${why}: imported as the NAT router`, subject: "cluster" });
  return { ip: gateway.address, netmask: ipv4MaskFromPrefix(gateway.prefix), device: gateway.device };
}

function sameNetwork(a: string, b: string, prefix: number): boolean {
  const toInt = (s: string) => s.split(".").reduce((n, o) => n * 256 + Number(o), 0);
  if (parseAddress(a)?.family !== 4 || prefix <= 0) return false;
  const shift = 2 ** (32 - prefix);
  return Math.floor(toInt(a) / shift) === Math.floor(toInt(b) / shift);
}
