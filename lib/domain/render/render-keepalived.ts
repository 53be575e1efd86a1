import { ipv4MaskFromPrefix, parseHostPort } from "../model/address";
import { modelOf, type DerivedModel, type ModelInput } from "../model/derive-model";
import { FORWARDING, type IpvsRealServer, type IpvsService } from "../model/services";
import type { RouterRole } from "../model/vrrp";
import type { LvsDocument } from "../schema/document";
import { checkInterval, checkerBlock } from "./keepalived-checks";
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
function sorryServerLines(doc: LvsDocument, s: IpvsService): string[] {
  const sorry = s.primary.sorryServer === undefined ? null : parseHostPort(s.primary.sorryServer);
  if (!sorry) return [];
  const port = s.kind === "fwmark" ? "" : ` ${doc.cluster.network === "nat" ? (sorry.port ?? s.port) : s.port}`;
  return [`\tsorry_server ${sorry.address.canonical}${port}`];
}

// One multi-line string per real server rather than one per line: 100,000 real
// servers made the per-line strings and arrays the bulk of the garbage.
function realServerBlock(s: IpvsService, r: IpvsRealServer): string {
  const inhibit = s.primary.quiesceServer ? "\n\t\tinhibit_on_failure" : "";
  const port = r.port === undefined ? "" : ` ${r.port}`;
  const check = checkerBlock(s, r);
  return `\treal_server ${r.address}${port} {\n\t\tweight ${r.weight}${inhibit}${check === "" ? "" : `\n${check}`}\n\t}`;
}

// Each service is joined into one flat string as soon as it is built, so the
// young generation holds one object per service rather than a tree per line.
function serviceBlock(doc: LvsDocument, s: IpvsService): string[] {
  const names = s.virtualServers.map((v) => v.name).join(", ");
  return [[
    `! virtual server${s.virtualServers.length > 1 ? "s" : ""} ${names}`,
    serviceHeader(s),
    ...(s.kind === "fwmark" && s.family === 6 ? ["\tip_family inet6"] : []),
    `\tdelay_loop ${checkInterval(s, doc.cluster.heartbeat.intervalSeconds)}`,
    `\tlvs_sched ${s.scheduler}`,
    `\tlvs_method ${FORWARDING[doc.cluster.network].keepalived}`,
    ...(s.kind === "port" ? [`\tprotocol ${s.protocol.toUpperCase()}`] : []),
    ...persistenceLines(s),
    ...sorryServerLines(doc, s),
    ...s.realServers.map((r) => realServerBlock(s, r)),
    "}",
  ].join("\n"), ""];
}

function runsScripts(model: DerivedModel): boolean {
  return model.ipvsServices.some((s) => s.primary.healthCheck?.type === "misc");
}

/** keepalived.conf for one router of the pair: global settings, the VRRP instance, one virtual_server per IPVS service. */
export function renderKeepalivedFor(input: ModelInput, role: RouterRole): string {
  const model = modelOf(input);
  const doc = model.doc;
  const scripts = runsScripts(model);
  return toText([
    ...bannerLines("!", doc, `keepalived.conf for the ${role} LVS router (${scripts ? "runs MISC_CHECK scripts as root" : "no script hooks"}).`),
    "",
    ...keepalivedGlobalLines(doc, role, scripts),
    ...keepalivedVrrpLines(doc, role),
    ...model.ipvsServices.flatMap((s) => serviceBlock(doc, s)),
  ]);
}

/** keepalived.conf for the primary router (MASTER unless preemption is off). */
export function renderKeepalived(input: ModelInput): string {
  return renderKeepalivedFor(input, "primary");
}

/** keepalived.conf for the backup router (BACKUP, the backup priority). */
export function renderKeepalivedBackup(input: ModelInput): string {
  return renderKeepalivedFor(input, "backup");
}
