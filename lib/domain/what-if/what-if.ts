import ipaddr from "ipaddr.js";
import type { L4Protocol } from "../model/bundles";
import { modelOf, type DerivedModel, type ModelInput } from "../model/derive-model";
import { parseAddress, type Family } from "../model/address";
import { rangeContains } from "../model/ports";
import { FORWARDING, type IpvsService } from "../model/services";
import type { LvsDocument } from "../schema/document";

/** A packet to ask about: client `from` (optional) sends `protocol` to `vip`:`port`. */
export interface WhatIfProbe {
  vip: string;
  port: number;
  protocol: L4Protocol;
  from?: string;
}

/** One mark rule (bundle × protocol, in chain order) that matches the packet. */
export interface MatchedRule {
  position: number;
  bundle: string;
  mark: number;
}

/** The IPVS virtual service that takes the packet. */
export interface WhatIfService {
  kind: "fwmark" | "port";
  label: string;
  scheduler: string;
  forwarding: string;
  persistence: { seconds: number; prefix?: number; group?: string } | null;
  virtualServers: string[];
}

/** A real server the packet can reach (weight > 0) or one that is quiesced (weight 0). */
export interface WhatIfRealServer {
  name: string;
  address: string;
  port?: number;
  weight: number;
}

/** The packet's path: mark, service and real servers, or "not balanced" and why. */
export interface WhatIfAnswer {
  probe: { family: Family; vip: string; port: number; protocol: L4Protocol; from?: string };
  rulesEvaluated: number;
  matched: MatchedRule[];
  mark: number;
  notes: string[];
  service: WhatIfService | null;
  reachable: WhatIfRealServer[];
  quiesced: WhatIfRealServer[];
  balanced: boolean;
  reason?: string;
}

/** The outcome of checking a probe: an answer or what is wrong with the question. */
export type WhatIfResult = { ok: true; answer: WhatIfAnswer } | { ok: false; message: string };

// netfilter evaluates every rule of the chain: MARK does not stop traversal, so
// the last matching rule's mark is the one the packet leaves with.
function markOf(model: DerivedModel, family: Family, vip: string, probe: WhatIfProbe) {
  const sets = model.ruleSetsOf(family);
  const matched: MatchedRule[] = [];
  sets.forEach((s, i) => {
    if (s.vip === vip && s.protocol === probe.protocol && s.ranges.some((r) => rangeContains(r, probe.port))) {
      matched.push({ position: i + 1, bundle: s.name, mark: s.mark });
    }
  });
  return { rulesEvaluated: sets.length, matched, mark: matched.at(-1)?.mark ?? 0 };
}

// IPVS looks a packet up by its mark first (per family), then by protocol, VIP and port.
function findService(model: DerivedModel, family: Family, vip: string, mark: number, probe: WhatIfProbe, notes: string[]): IpvsService | undefined {
  const services = model.ipvsServices;
  if (mark !== 0) {
    const byMark = services.find((s) => s.kind === "fwmark" && s.family === family && s.mark === mark);
    if (byMark) return byMark;
    notes.push(`no active virtual server uses mark ${mark} (IPv${family}); IPVS falls back to ${probe.protocol} ${vip} port ${probe.port}`);
  }
  return services.find((s) => s.kind === "port" && s.vip === vip && s.protocol === probe.protocol && s.port === probe.port);
}

function whyNoService(doc: LvsDocument, vip: string, mark: number, probe: WhatIfProbe): string {
  const inactive = doc.virtualServers.filter((v) => !v.active && (mark !== 0
    ? v.firewallMark === mark
    : v.firewallMark === undefined && parseAddress(v.vip)?.canonical === vip && v.protocol === probe.protocol && v.port === probe.port));
  if (inactive.length > 0) return `the virtual server ${inactive.map((v) => v.name).join(", ")} that would take it is inactive`;
  if (mark === 0) return `no bundle covers ${probe.protocol} port ${probe.port} on ${vip} and no virtual server listens on ${vip}:${probe.port}/${probe.protocol}`;
  return `mark ${mark} has no virtual server and no virtual server listens on ${vip}:${probe.port}/${probe.protocol}`;
}

function persistenceOf(service: IpvsService, from: ipaddr.IPv4 | ipaddr.IPv6 | undefined): WhatIfService["persistence"] {
  if (service.persistenceSeconds === 0) return null;
  const prefix = service.persistencePrefix ?? (service.family === 4 ? 32 : 128);
  const group = from ? `${network(from, prefix)}/${prefix}` : undefined;
  return { seconds: service.persistenceSeconds, prefix, ...(group ? { group } : {}) };
}

function network(address: ipaddr.IPv4 | ipaddr.IPv6, prefix: number): string {
  const cidr = `${address.toString()}/${prefix}`;
  return address.kind() === "ipv4" ? ipaddr.IPv4.networkAddressFromCIDR(cidr).toString() : ipaddr.IPv6.networkAddressFromCIDR(cidr).toString();
}

function checkProbe(probe: WhatIfProbe) {
  const vip = parseAddress(probe.vip);
  if (!vip) return `--to: ${JSON.stringify(probe.vip)} is not an IP address; allowed: IPv4 (192.0.2.10) or IPv6 (2001:db8::10)`;
  if (!Number.isInteger(probe.port) || probe.port < 1 || probe.port > 65535) return `--to: port ${probe.port} is out of range; allowed: 1-65535`;
  if (probe.protocol !== "tcp" && probe.protocol !== "udp") return `--protocol: got ${JSON.stringify(probe.protocol)}; allowed: tcp, udp`;
  if (probe.from !== undefined) {
    const from = parseAddress(probe.from);
    if (!from) return `--from: ${JSON.stringify(probe.from)} is not an IP address; allowed: IPv4 or IPv6`;
    if (from.family !== vip.family) return `--from: ${probe.from} is IPv${from.family} but the VIP is IPv${vip.family}; allowed: an address of the VIP's family`;
  }
  return { family: vip.family, vip: vip.canonical };
}

/** Where a packet to VIP:port goes on the router the document describes (DESIGN.md §5a). */
export function whatIf(input: ModelInput, probe: WhatIfProbe): WhatIfResult {
  const model = modelOf(input);
  const doc = model.doc;
  const checked = checkProbe(probe);
  if (typeof checked === "string") return { ok: false, message: checked };
  const { family, vip } = checked;
  const from = probe.from === undefined ? undefined : parseAddress(probe.from)!.canonical;
  const { rulesEvaluated, matched, mark } = markOf(model, family, vip, probe);
  const notes: string[] = [];
  if (matched.length > 1) notes.push(`${matched.length} rules match: MARK does not stop the chain, so the last one (bundle ${matched.at(-1)!.bundle}) wins; lint reports the overlap`);
  const base = { probe: { family, vip, port: probe.port, protocol: probe.protocol, ...(from ? { from } : {}) }, rulesEvaluated, matched, mark, notes };
  const service = findService(model, family, vip, mark, probe, notes);
  if (!service) return { ok: true, answer: { ...base, service: null, reachable: [], quiesced: [], balanced: false, reason: whyNoService(doc, vip, mark, probe) } };
  const info: WhatIfService = {
    kind: service.kind,
    label: service.kind === "fwmark" ? `fwmark ${service.mark}${family === 6 ? " (IPv6)" : ""}` : `${probe.protocol} ${family === 6 ? `[${vip}]` : vip}:${service.port}`,
    scheduler: service.scheduler,
    forwarding: FORWARDING[doc.cluster.network].keepalived,
    persistence: persistenceOf(service, from === undefined ? undefined : ipaddr.parse(from)),
    virtualServers: service.virtualServers.map((v) => v.name),
  };
  const servers = service.realServers.map((r) => ({ name: r.name, address: r.address, ...(r.port === undefined ? {} : { port: r.port }), weight: r.weight }));
  const reachable = servers.filter((r) => r.weight > 0);
  const quiesced = servers.filter((r) => r.weight === 0);
  const reason = servers.length === 0 ? `${info.label} has no active real server`
    : reachable.length === 0 ? `every real server of ${info.label} has weight 0` : undefined;
  return { ok: true, answer: { ...base, service: info, reachable, quiesced, balanced: reason === undefined, ...(reason ? { reason } : {}) } };
}
