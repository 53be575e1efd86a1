import { ipv4MaskFromPrefix, parseHostPort } from "../model/address";
import { FORWARDING, ipvsServices, type IpvsService } from "../model/services";
import type { LvsDocument } from "../schema/document";
import { keepalivedGlobalLines, keepalivedVrrpLines } from "./keepalived-vrrp";
import { bannerLines, toText } from "./text";

function serviceHeader(s: IpvsService): string {
  return s.kind === "fwmark" ? `virtual_server fwmark ${s.mark} {` : `virtual_server ${s.vip} ${s.port} {`;
}

function persistenceLines(s: IpvsService): string[] {
  if (s.persistenceSeconds === 0) return [];
  const lines = [`\tpersistence_timeout ${s.persistenceSeconds}`];
  if (s.persistencePrefix !== undefined) {
    const g = s.family === 4 ? ipv4MaskFromPrefix(s.persistencePrefix) : String(s.persistencePrefix);
    lines.push(`\tpersistence_granularity ${g}`);
  }
  return lines;
}

// Only NAT can rewrite ports; keepalived resets any other port to the service's.
function targetPort(doc: LvsDocument, s: IpvsService, port: number | undefined): string {
  if (s.kind === "fwmark") return "";
  return ` ${doc.cluster.network === "nat" ? (port ?? s.port) : s.port}`;
}

function sorryServerLines(doc: LvsDocument, s: IpvsService): string[] {
  const sorry = s.primary.sorryServer === undefined ? null : parseHostPort(s.primary.sorryServer);
  if (!sorry) return [];
  const port = targetPort(doc, s, sorry.port);
  return [`\tsorry_server ${sorry.address.canonical}${port}`];
}

// Health checks are built-in checkers only: keepalived's MISC_CHECK and notify
// hooks run scripts as root, which a generated file must never introduce.
function checkLines(s: IpvsService): string[] {
  const checker = s.protocol === "tcp" ? "TCP_CHECK" : "UDP_CHECK";
  return [
    `\t\t${checker} {`,
    `\t\t\tconnect_port ${s.port}`,
    `\t\t\tconnect_timeout ${s.primary.serviceTimeoutSeconds}`,
    "\t\t}",
  ];
}

function serviceBlock(doc: LvsDocument, s: IpvsService): string[] {
  const names = s.virtualServers.map((v) => v.name).join(", ");
  return [
    `! virtual server${s.virtualServers.length > 1 ? "s" : ""} ${names}`,
    serviceHeader(s),
    ...(s.kind === "fwmark" && s.family === 6 ? ["\tip_family inet6"] : []),
    `\tdelay_loop ${doc.cluster.heartbeat.intervalSeconds}`,
    `\tlvs_sched ${s.scheduler}`,
    `\tlvs_method ${FORWARDING[doc.cluster.network].keepalived}`,
    ...(s.kind === "port" ? [`\tprotocol ${s.protocol.toUpperCase()}`] : []),
    ...persistenceLines(s),
    ...sorryServerLines(doc, s),
    ...s.realServers.flatMap((r) => [
      `\treal_server ${r.address}${targetPort(doc, s, r.port)} {`,
      `\t\tweight ${r.weight}`,
      ...(s.primary.quiesceServer ? ["\t\tinhibit_on_failure"] : []),
      ...checkLines(s),
      "\t}",
    ]),
    "}",
    "",
  ];
}

/** keepalived.conf: global settings, a VRRP instance for the VIPs, and one virtual_server per IPVS service. */
export function renderKeepalived(doc: LvsDocument): string {
  return toText([
    ...bannerLines("!", doc, "keepalived.conf for the primary LVS router (no script hooks)."),
    "",
    ...keepalivedGlobalLines(doc),
    ...keepalivedVrrpLines(doc),
    ...ipvsServices(doc).flatMap((s) => serviceBlock(doc, s)),
  ]);
}
