import { ipv4MaskFromPrefix, parseHostPort } from "../model/address";
import { FORWARDING, ipvsServices, type IpvsRealServer, type IpvsService } from "../model/services";
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
function checkBlock(s: IpvsService): string {
  const checker = s.protocol === "tcp" ? "TCP_CHECK" : "UDP_CHECK";
  return `\t\t${checker} {\n\t\t\tconnect_port ${s.port}\n\t\t\tconnect_timeout ${s.primary.serviceTimeoutSeconds}\n\t\t}`;
}

// One multi-line string per real server rather than one per line: 100,000 real
// servers made the per-line strings and arrays the bulk of the garbage.
function realServerBlock(doc: LvsDocument, s: IpvsService, r: IpvsRealServer, check: string): string {
  const inhibit = s.primary.quiesceServer ? "\n\t\tinhibit_on_failure" : "";
  return `\treal_server ${r.address}${targetPort(doc, s, r.port)} {\n\t\tweight ${r.weight}${inhibit}\n${check}\n\t}`;
}

// Each service is joined into one flat string as soon as it is built, so the
// young generation holds one object per service rather than a tree per line.
function serviceBlock(doc: LvsDocument, s: IpvsService): string[] {
  const names = s.virtualServers.map((v) => v.name).join(", ");
  const check = checkBlock(s);
  return [[
    `! virtual server${s.virtualServers.length > 1 ? "s" : ""} ${names}`,
    serviceHeader(s),
    ...(s.kind === "fwmark" && s.family === 6 ? ["\tip_family inet6"] : []),
    `\tdelay_loop ${doc.cluster.heartbeat.intervalSeconds}`,
    `\tlvs_sched ${s.scheduler}`,
    `\tlvs_method ${FORWARDING[doc.cluster.network].keepalived}`,
    ...(s.kind === "port" ? [`\tprotocol ${s.protocol.toUpperCase()}`] : []),
    ...persistenceLines(s),
    ...sorryServerLines(doc, s),
    ...s.realServers.map((r) => realServerBlock(doc, s, r, check)),
    "}",
  ].join("\n"), ""];
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
