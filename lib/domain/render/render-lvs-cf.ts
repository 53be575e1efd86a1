import { documentOf, type ModelInput } from "../model/derive-model";
import { familyOf, canonicalAddress, parseHostPort } from "../model/address";
import { isMaskUnset } from "../model/vip";
import type { NetworkType } from "../schema/cluster";
import type { LvsDocument } from "../schema/document";
import type { RealServer } from "../schema/real-server";
import type { VirtualServer } from "../schema/virtual-server";
import { toText } from "./text";

const flag = (b: boolean) => (b ? "1" : "0");
const isV4 = (address: string | undefined): address is string => address !== undefined && familyOf(address) === 4;

function globalLines(doc: LvsDocument): string[] {
  const c = doc.cluster;
  const lines = [`serial_no = ${c.serialNo}`];
  if (isV4(c.primary.publicIp)) lines.push(`primary = ${canonicalAddress(c.primary.publicIp)}`);
  if (isV4(c.primary.privateIp)) lines.push(`primary_private = ${canonicalAddress(c.primary.privateIp)}`);
  lines.push("service = lvs", `backup_active = ${flag(c.backup?.enabled ?? false)}`);
  if (isV4(c.backup?.publicIp)) lines.push(`backup = ${canonicalAddress(c.backup.publicIp)}`);
  if (isV4(c.backup?.privateIp)) lines.push(`backup_private = ${canonicalAddress(c.backup.privateIp)}`);
  lines.push(
    "heartbeat = 1",
    `heartbeat_port = ${c.heartbeat.port}`,
    `keepalive = ${c.heartbeat.intervalSeconds}`,
    `deadtime = ${c.heartbeat.deadAfterSeconds}`,
    `network = ${c.network}`,
  );
  if (c.natRouter && isV4(c.natRouter.ip)) {
    lines.push(`nat_router = ${canonicalAddress(c.natRouter.ip)} ${c.natRouter.device}`, `nat_nmask = ${c.natRouter.netmask}`);
  }
  lines.push("debug_level = NONE", `monitor_links = ${flag(c.monitorLinks)}`, `syncdaemon = ${flag(c.syncDaemon)}`);
  for (const [key, value] of [["tcp_timeout", c.timeouts.tcp], ["tcpfin_timeout", c.timeouts.tcpfin], ["udp_timeout", c.timeouts.udp]] as const) {
    if (value > 0) lines.push(`${key} = ${value}`);
  }
  return lines;
}

// One multi-line string per real server: a 10,000-service cluster has 100,000
// of them, and a string per line (plus the arrays around them) doubled the garbage.
// Only NAT changes the destination port: under direct routing and tunnelling
// the port written is the service's, as ipvsadm and keepalived write it.
function serverBlock(rs: RealServer, vs: VirtualServer, network: NetworkType): string {
  const port = rs.port === undefined ? "" : `\n         port = ${network === "nat" ? rs.port : vs.port}`;
  return `     server ${rs.name} {\n         address = ${canonicalAddress(rs.address)}\n         active = ${flag(rs.active)}${port}\n         weight = ${rs.weight}\n     }`;
}

// Health-check strings were validated to printable ASCII without '"', with
// backslash only in \r \n \t \\ — exactly what nanny's quoted strings accept.
function monitorLines(vs: VirtualServer): string[] {
  const m = vs.monitor;
  if (!m) return [];
  return [
    ...(m.send === undefined ? [] : [`     send = "${m.send}"`]),
    ...(m.expect === undefined ? [] : [`     expect = "${m.expect}"`]),
    `     use_regex = ${flag(m.expectIsRegex)}`,
    ...(m.sendProgram === undefined ? [] : [`     send_program = "${m.sendProgram}"`]),
  ];
}

// pulse's own default when vip_nmask is absent or 0.0.0.0 is to bring the VIP
// up without a netmask, so a mask the operator did not give is not written.
function vipMaskLines(vs: VirtualServer): string[] {
  return isMaskUnset(vs.vipNetmask, 4) ? [] : [`     vip_nmask = ${vs.vipNetmask}`];
}

// lvsd adds the sorry server on the virtual server's own port; lint reports a
// sorry server lvs.cf cannot say (IPv6, another port) as LVS_CF_SORRY_SERVER.
function sorryLines(vs: VirtualServer): string[] {
  const sorry = vs.sorryServer === undefined ? null : parseHostPort(vs.sorryServer);
  return sorry && sorry.address.family === 4 ? [`     sorry_server = ${sorry.address.canonical}`] : [];
}

// The parser requires `address = IP DEVICE`; without a device the line is
// written as the operator left it and lint reports LVS_CF_NO_DEVICE.
function virtualBlock(vs: VirtualServer, network: NetworkType): string[] {
  const p = vs.persistence;
  return [
    `virtual ${vs.name} {`,
    `     active = ${flag(vs.active)}`,
    `     address = ${canonicalAddress(vs.vip)}${vs.device === undefined ? "" : ` ${vs.device}`}`,
    ...vipMaskLines(vs),
    ...(vs.firewallMark === undefined ? [] : [`     fwmark = ${vs.firewallMark}`]),
    `     port = ${vs.port}`,
    ...(p && p.timeoutSeconds > 0 ? [`     persistent = ${p.timeoutSeconds}`] : []),
    ...(p && p.timeoutSeconds > 0 && p.netmask !== undefined ? [`     pmask = ${p.netmask}`] : []),
    ...monitorLines(vs),
    `     load_monitor = ${vs.loadMonitor}`,
    `     scheduler = ${vs.scheduler}`,
    `     protocol = ${vs.protocol}`,
    `     timeout = ${vs.serviceTimeoutSeconds}`,
    `     reentry = ${vs.reentrySeconds}`,
    `     quiesce_server = ${flag(vs.quiesceServer)}`,
    ...sorryLines(vs),
    ...vs.realServers.filter((rs) => isV4(rs.address)).map((rs) => serverBlock(rs, vs, network)),
    "}",
  ];
}

// Piranha's parser has no comment syntax we can rely on and no IPv6 support:
// IPv6 virtual and real servers are left out (lint reports LVS_CF_IPV6).
/** Piranha/pulse lvs.cf for the IPv4 part of the cluster. */
export function renderLvsCf(input: ModelInput): string {
  const doc = documentOf(input);
  return toText([...globalLines(doc), ...doc.virtualServers.filter((vs) => isV4(vs.vip)).map((vs) => virtualBlock(vs, doc.cluster.network).join("\n"))]);
}
