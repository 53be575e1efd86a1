import { familyOf, parseHostPort } from "../model/address";
import { LVS_CF_SCHEDULERS } from "../schema/virtual-server";
import { diagnostic, type Diagnostic } from "./codes";
import { vsPath, type DerivedModel, type ModelVirtualServer } from "./context";

// What pulse, lvsd and nanny (piranha 0.8.6) do with the lvs.cf we write: every
// case here either stops the daemons or makes them do something else than the
// document says, so each is an error for lvs.cf (the object left out of an
// IPv4-only file is a warning: the rest of the file still means what it says).

/** lvsd passes marks to ipvsadm with %d: above this they arrive negative. */
export const LVS_CF_MARK_MAX = 2147483647;

const isV4 = (a: string | undefined): a is string => a !== undefined && familyOf(a) === 4;

function routerAddresses(model: DerivedModel): Diagnostic[] {
  const c = model.doc.cluster;
  const out: Diagnostic[] = [];
  const v6 = (path: string, a: string | undefined, why: string) => {
    if (a !== undefined && familyOf(a) === 6) out.push(diagnostic("LVS_CF_IPV6_ROUTER", path, `lvs.cf: ${a} is IPv6; ${why}`));
  };
  v6("cluster.primary.publicIp", c.primary.publicIp, "pulse would run with primary = 0.0.0.0, so neither router becomes primary");
  if (c.backup?.enabled) v6("cluster.backup.publicIp", c.backup.publicIp, "pulse would clear backup_active, so the backup never takes over");
  if (c.network === "nat") v6("cluster.natRouter.ip", c.natRouter?.ip, "lvs.cf would have no nat_router and the real servers no gateway");
  for (const [path, a] of [["cluster.primary.privateIp", c.primary.privateIp], ["cluster.backup.privateIp", c.backup?.privateIp]] as const) {
    if (a !== undefined && familyOf(a) === 6) out.push(diagnostic("LVS_CF_IPV6", path, `lvs.cf: ${a} is IPv6; lvs.cf leaves it out`));
  }
  return out;
}

// pulse replaces backup_private with the backup's public address whenever
// primary_private is absent, and heartbeats to 0.0.0.0 when only the primary has one.
function privatePair(model: DerivedModel): Diagnostic[] {
  const c = model.doc.cluster;
  if (!c.backup?.enabled) return [];
  const primary = isV4(c.primary.privateIp);
  const backup = isV4(c.backup.privateIp);
  if (primary === backup) return [];
  return primary
    ? [diagnostic("LVS_CF_PRIVATE_PAIR", "cluster.backup.privateIp",
      "lvs.cf: the primary has a private heartbeat address but the backup has none; pulse would send private heartbeats to 0.0.0.0 (allowed: set both private addresses or neither)")]
    : [diagnostic("LVS_CF_PRIVATE_PAIR", "cluster.primary.privateIp",
      "lvs.cf: the backup has a private heartbeat address but the primary has none; pulse overwrites backup_private with the backup's public address (allowed: set both private addresses or neither)")];
}

function sorryServer(s: ModelVirtualServer): Diagnostic[] {
  const sorry = s.vs.sorryServer === undefined ? null : parseHostPort(s.vs.sorryServer);
  if (!sorry) return [];
  const path = vsPath(s.index, "sorryServer");
  if (sorry.address.family === 6) {
    return [diagnostic("LVS_CF_SORRY_SERVER", path, `lvs.cf: sorry server ${s.vs.sorryServer} is IPv6; Piranha's sorry_server takes an IPv4 address only`)];
  }
  if (sorry.port !== undefined && sorry.port !== s.vs.port) {
    return [diagnostic("LVS_CF_SORRY_SERVER", path,
      `lvs.cf: sorry server ${s.vs.sorryServer} names port ${sorry.port}, but lvsd adds the sorry server on the service port ${s.vs.port} (allowed: no port or ${s.vs.port})`)];
  }
  return [];
}

function service(s: ModelVirtualServer): Diagnostic[] {
  const out: Diagnostic[] = [];
  const vs = s.vs;
  vs.realServers.forEach((rs, i) => {
    if (familyOf(rs.address) === 6) out.push(diagnostic("LVS_CF_IPV6", vsPath(s.index, `realServers[${i}].address`), `lvs.cf: real server ${rs.name} is IPv6; lvs.cf leaves it out`));
  });
  if (vs.device === undefined) {
    out.push(diagnostic("LVS_CF_NO_DEVICE", vsPath(s.index, "device"),
      `lvs.cf: virtual server ${vs.name} has no device; Piranha's parser requires "address = ${s.vip} DEVICE" and pulse would exit (allowed: an interface or alias like eth0:1)`));
  }
  if (!LVS_CF_SCHEDULERS.includes(vs.scheduler)) {
    out.push(diagnostic("LVS_CF_SCHEDULER", vsPath(s.index, "scheduler"),
      `lvs.cf: scheduler ${vs.scheduler} is refused by Piranha's parser and pulse would exit (allowed: ${LVS_CF_SCHEDULERS.join(", ")})`));
  }
  if (vs.firewallMark !== undefined && vs.firewallMark > LVS_CF_MARK_MAX) {
    out.push(diagnostic("LVS_CF_MARK_RANGE", vsPath(s.index, "firewallMark"),
      `lvs.cf: mark ${vs.firewallMark} is above ${LVS_CF_MARK_MAX}; lvsd would hand ipvsadm ${vs.firewallMark - 4294967296} (allowed: 1-${LVS_CF_MARK_MAX})`));
  }
  return [...out, ...sorryServer(s)];
}

/** Every way the rendered lvs.cf would stop Piranha's daemons, mislead them, or leave something out. */
export function checkLvsCf(model: DerivedModel): Diagnostic[] {
  const services = model.virtualServers.flatMap((s) =>
    s.family === 6 ? [diagnostic("LVS_CF_IPV6", vsPath(s.index, "vip"), `lvs.cf: virtual server ${s.vs.name} is IPv6; lvs.cf leaves it out`)] : service(s));
  return [...routerAddresses(model), ...privatePair(model), ...services];
}

