import { ipv4MaskFromPrefix, parseAddress } from "../model/address";
import { markKey } from "../model/derive-model";
import { parsePortSpec } from "../model/ports";
import type { NetworkType } from "../schema/cluster";
import type { FirewallMarkInput } from "../schema/firewall-mark";
import type { LvsDocumentInput } from "../schema/document";
import type { RealServerInput } from "../schema/real-server";
import type { VirtualServerInput } from "../schema/virtual-server";
import { bundlesFromRules } from "./bundles-from-rules";
import { combineCluster } from "./combine-cluster";
import type { VrrpAddress } from "./keepalived-globals";
import type { ImportedMarkRule } from "./mark-rules";
import type { ImportMessage } from "./messages";
import { serviceKey, type ImportedService, type ServicesResult } from "./services";

/** What combining produced: a document to validate and the messages about it. */
export interface Combined {
  document: LvsDocumentInput;
  messages: ImportMessage[];
}

const NAME = /^[A-Za-z0-9_.-]{1,31}$/;

// Service files say what IPVS does, mark rules which packets reach it; the
// document needs both, so each fwmark service takes its VIP from its bundle.
/** Combines service definitions and mark rules of one router into one version-1 document. */
export function combineImports(serviceFiles: readonly ServicesResult[], rules: readonly ImportedMarkRule[], clusterName?: string): Combined {
  const messages: ImportMessage[] = [];
  const { bundles, origins, messages: ruleMessages } = bundlesFromRules(rules);
  messages.push(...ruleMessages);
  const services = mergeServices(serviceFiles, messages);
  const network = chooseNetwork(serviceFiles, services, messages);
  const addresses = serviceFiles.flatMap((f) => f.addresses ?? []);
  const cluster = combineCluster(serviceFiles, network, clusterName, addresses, services, messages, bundles.map((b) => parseAddress(b.vip)?.canonical ?? b.vip));
  const heartbeat = cluster.heartbeat?.intervalSeconds ?? 6;
  const names = new Set<string>();
  const byMark = bundleIndex(bundles);
  const held = firstByAddress(addresses);
  const virtualServers = services.map((s) => toVirtualServer(s, byMark, held, heartbeat, names, messages));
  // Parsers name a service by its key or place; the preview shows messages beside the virtual server it became.
  const subjects = new Map<string, string>();
  services.forEach((s, i) => {
    const name = `virtualServer:${virtualServers[i]?.name}`;
    for (const key of [subjectOf(s), `service:${s.file}:${s.line}`, `virtualServer:${s.name}`]) if (!subjects.has(key)) subjects.set(key, name);
  });
  for (const m of [...messages, ...serviceFiles.flatMap((f) => f.messages)]) {
    const to = m.subject === undefined ? undefined : subjects.get(m.subject);
    if (to !== undefined) m.subject = to;
  }
  const served = new Set(services.filter((s) => s.kind === "fwmark").map((s) => `${s.family}/${s.mark}`));
  for (const [i, b] of bundles.entries()) {
    if (!served.has(`${parseAddress(b.vip)?.family}/${b.mark}`)) {
      const o = origins[i];
      if (o) messages.push({ severity: "note", file: o.file, line: o.line, message: `mark ${b.mark}: rules without an IPVS service in the files given; imported as bundle ${b.name} (lint reports it)`, subject: `firewallMark:${b.mark}` });
    }
  }
  return { document: { version: 1, cluster, firewallMarks: bundles, virtualServers }, messages };
}

function mergeServices(files: readonly ServicesResult[], messages: ImportMessage[]): ImportedService[] {
  const out: ImportedService[] = [];
  const firstFile = new Map<string, ImportedService>();
  for (const f of files) {
    for (const s of f.services) {
      const key = serviceKey(s);
      const first = firstFile.get(key);
      if (first && first.file !== s.file) {
        messages.push({ severity: "note", file: s.file, line: s.line, message: `service ${key} is also defined at ${first.file}:${first.line}; that first definition is imported`, subject: subjectOf(first) });
        continue;
      }
      if (!first) firstFile.set(key, s);
      out.push(s);
    }
  }
  return out;
}

function chooseNetwork(files: readonly ServicesResult[], services: readonly ImportedService[], messages: ImportMessage[]): NetworkType | undefined {
  const stated = files.find((f) => f.cluster.network !== undefined)?.cluster.network;
  const counts = new Map<NetworkType, number>();
  const methodOf = (s: ImportedService) => s.method ?? s.realServers.find((r) => r.method)?.method;
  for (const s of services) {
    const m = methodOf(s);
    if (m) counts.set(m, (counts.get(m) ?? 0) + 1);
  }
  const network = stated ?? [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
  if (!network) return network;
  for (const s of services) {
    // Each other method once per service, the service's own first, in the order written.
    const others: NetworkType[] = [];
    const other = (m: NetworkType | undefined) => {
      if (m !== undefined && m !== network && !others.includes(m)) others.push(m);
    };
    other(s.method);
    for (const r of s.realServers) other(r.method);
    for (const m of others) {
      messages.push({ severity: "warning", file: s.file, line: s.line, message: `forwarding method ${m} not imported: the cluster forwards every service by one method (${network})`, subject: subjectOf(s) });
    }
  }
  return network;
}

// The first VRRP address entry per address (a lookup per service: 10,000 services against 10,000 addresses).
function firstByAddress(addresses: readonly VrrpAddress[]): Map<string, VrrpAddress> {
  const byAddress = new Map<string, VrrpAddress>();
  for (const a of addresses) if (!byAddress.has(a.address)) byAddress.set(a.address, a);
  return byAddress;
}

function toVirtualServer(
  s: ImportedService, byMark: ReadonlyMap<string, FirewallMarkInput>, heldAddresses: ReadonlyMap<string, VrrpAddress>,
  heartbeat: number, names: Set<string>, messages: ImportMessage[],
): VirtualServerInput {
  const note = (severity: "note" | "warning", message: string) => messages.push({ severity, file: s.file, line: s.line, message, subject: subjectOf(s) });
  const bundle = s.kind === "fwmark" && s.mark !== undefined ? byMark.get(markKey(s.family, s.mark)) : undefined;
  let vip = s.vip;
  if (vip === undefined) {
    if (bundle) vip = bundle.vip;
    else {
      vip = s.family === 6 ? "::" : "0.0.0.0";
      note("warning", `fwmark ${s.mark} has no mark rule in the files given, so its VIP is unknown: ${vip} stands in (give the router's iptables-save or nft ruleset too)`);
    }
  }
  let port = s.port;
  if (port === undefined) {
    const first = bundle?.ports[0];
    const r = first === undefined ? null : parsePortSpec(first);
    port = r?.ok ? r.range.lo : 1;
    note("note", `fwmark ${s.mark} names no application port; ${port} assumed (${bundle ? `the first port of bundle ${bundle.name}` : "no bundle"})`);
  }
  const protocol = s.protocol ?? (bundle?.protocol === "udp" ? "udp" : "tcp");
  const name = uniqueName(s.name && NAME.test(s.name) ? s.name : generatedName(s, vip, port, protocol), names);
  if (s.name && s.name !== name) note("note", `virtual server ${s.name} renamed ${name} (names are unique, 1-31 of A-Z a-z 0-9 _ . -)`);
  const settings: Partial<VirtualServerInput> = { ...s.settings };
  const hc = settings.healthCheck;
  if (hc && hc.intervalSeconds === heartbeat) settings.healthCheck = { ...hc, intervalSeconds: undefined };
  if (settings.healthCheck) settings.healthCheck = Object.fromEntries(Object.entries(settings.healthCheck).filter(([, v]) => v !== undefined)) as typeof hc;
  const held = heldAddresses.get(vip);
  if (held && settings.device === undefined && held.device !== undefined) settings.device = held.device;
  if (held?.prefix !== undefined && settings.vipNetmask === undefined) {
    const full = s.family === 4 ? 32 : 128;
    if (held.prefix !== full) settings.vipNetmask = s.family === 4 ? ipv4MaskFromPrefix(held.prefix) : held.prefix;
  }
  const realNames = new Set<string>();
  // Plain assignments rather than conditional spreads: 100,000 real servers.
  const realServers: RealServerInput[] = s.realServers.map((r) => {
    const out: RealServerInput = { name: uniqueName(r.name && NAME.test(r.name) ? r.name : realName(r.address), realNames), address: r.address, weight: r.weight };
    if (r.port !== undefined && !(s.kind === "port" && r.port === port && r.name === undefined)) out.port = r.port;
    if (r.active !== undefined) out.active = r.active;
    return out;
  });
  return {
    ...settings,
    name, vip, port, protocol,
    ...(s.kind === "fwmark" ? { firewallMark: s.mark } : {}),
    ...(s.scheduler === undefined ? {} : { scheduler: s.scheduler }),
    ...(s.persistence === undefined ? {} : { persistence: s.persistence }),
    realServers,
  };
}

// Bundles by family and mark, built once per combine (a lookup per service).
function bundleIndex(bundles: readonly FirewallMarkInput[]): Map<string, FirewallMarkInput> {
  const index = new Map<string, FirewallMarkInput>();
  for (const b of bundles) {
    const family = parseAddress(b.vip)?.family;
    if (family === undefined) continue;
    const key = markKey(family, b.mark);
    if (!index.has(key)) index.set(key, b);
  }
  return index;
}

function generatedName(s: ImportedService, vip: string, port: number, protocol: string): string {
  if (s.kind === "fwmark") return `fwm${s.family === 6 ? "6" : ""}-${s.mark}`.slice(0, 31);
  const n = `${protocol}-${vip.replace(/:/g, "-")}-${port}`;
  return NAME.test(n) ? n : `${protocol}-${port}`;
}

function realName(address: string): string {
  const n = address.replace(/:/g, "-");
  return NAME.test(n) ? n : `rs-${n.slice(-28)}`.replace(/^rs--/, "rs-");
}

function uniqueName(base: string, taken: Set<string>): string {
  let name = base;
  for (let i = 2; taken.has(name); i++) name = `${base.slice(0, 27)}-${i}`;
  taken.add(name);
  return name;
}

/** The message subject of a service: shown beside the virtual server it becomes. */
export function subjectOf(s: ImportedService): string {
  return `service:${serviceKey(s)}`;
}
