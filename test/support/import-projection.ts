// What each rendered format carries of a document, in a form two documents can be compared on:
// the round trip import(render(doc, F)) must agree with doc on exactly this.
import { canonicalAddress, familyOf, parseHostPort } from "@/lib/domain/model/address";
import { markRuleSets } from "@/lib/domain/model/bundles";
import type { PortRange } from "@/lib/domain/model/ports";
import { deriveModel } from "@/lib/domain/model/derive-model";
import type { IpvsService } from "@/lib/domain/model/services";
import { hasFloatingAddresses, resolveVrrp } from "@/lib/domain/model/vrrp";
import { bundlesFromRules } from "@/lib/domain/import/bundles-from-rules";
import { parsePortSpecs } from "@/lib/domain/model/ports";
import { maskPrefix } from "@/lib/domain/schema/primitives";
import { LVS_CF_SCHEDULERS, type LvsDocument } from "@/lib/domain/schema";

// Adjacent ranges mean the same ports; merge them so both sides compare alike.
function coalesce(ranges: readonly PortRange[]): string[] {
  const sorted = [...ranges].sort((a, b) => a.lo - b.lo);
  const out: PortRange[] = [];
  for (const r of sorted) {
    const last = out[out.length - 1];
    if (last && r.lo <= last.hi + 1) last.hi = Math.max(last.hi, r.hi);
    else out.push({ ...r });
  }
  return out.map((r) => `${r.lo}-${r.hi}`);
}

/** The effective mark per VIP, protocol and port (netfilter's last match), as iptables and nft files carry it. */
export function projectMarks(doc: LvsDocument, withNames = false): unknown[] {
  const rules = markRuleSets(doc).map((s) => ({
    family: s.family, vip: s.vip, protocol: s.protocol, ranges: s.ranges, mark: s.mark, file: "doc", line: s.bundleIndex + 1,
    comment: `bundle ${s.name} (mark ${s.mark}, ${s.protocol})`,
  }));
  const byMark = new Map(bundlesFromRules(rules).bundles.map((b) => [`${familyOf(b.vip)}/${b.mark}`, b]));
  return [...byMark.values()]
    .flatMap((b) => (b.protocol === "both" ? ["tcp", "udp"] : [b.protocol]).map((protocol) => ({
      family: familyOf(b.vip), vip: canonicalAddress(b.vip), protocol, mark: b.mark,
      ports: coalesce(parsePortSpecs(b.ports)), ...(withNames ? { name: b.name } : {}),
    })))
    .sort((a, b) => `${a.family}/${a.mark}/${a.protocol}`.localeCompare(`${b.family}/${b.mark}/${b.protocol}`));
}

const drop = (o: Record<string, unknown>) => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined));

// keepalived checks live in each real server: what they carry is the checker with
// its effective timing and the port each real server is probed on (an fwmark
// service's application port exists only as that port).
function projectCheck(s: IpvsService, heartbeat: number): unknown {
  const hc = s.primary.healthCheck;
  if (hc?.type === "none") return { type: "none" };
  const type = hc?.type ?? (s.protocol === "tcp" ? "tcp" : "udp");
  const first = s.realServers[0]?.address ?? "";
  return drop({
    type, timeout: hc?.timeoutSeconds ?? s.primary.serviceTimeoutSeconds, interval: hc?.intervalSeconds ?? heartbeat,
    ports: type === "misc" ? undefined : s.realServers.map((r) => `${r.address}/${r.port}:${hc?.port ?? r.checkPort}`).sort(),
    path: type === "http" || type === "https" ? (hc?.path ?? "/") : undefined, statusCode: hc?.statusCode, digest: hc?.digest,
    script: hc?.script?.replaceAll("%h", first), dnsName: hc?.dnsName, dnsType: hc?.dnsType, retries: hc?.retries, retryDelay: hc?.retryDelaySeconds,
  });
}

/** The router pair as the primary's and the backup's keepalived.conf carry it (nothing when no address floats). */
export function projectVrrp(doc: LvsDocument): unknown {
  const vrrp = resolveVrrp(doc);
  if (!hasFloatingAddresses(doc) || vrrp.interface === undefined) return undefined;
  const c = doc.cluster;
  const nat = c.network === "nat" && c.natRouter !== undefined && !doc.virtualServers.some((v) => v.active && v.device !== undefined && canonicalAddress(v.vip) === canonicalAddress(c.natRouter!.ip));
  return { vrrp, natRouter: nat ? { ...c.natRouter, ip: canonicalAddress(c.natRouter!.ip) } : undefined };
}

/** IPVS services as keepalived.conf or ipvsadm-restore input carries them. */
export function projectServices(doc: LvsDocument, format: "keepalived" | "ipvsadm"): unknown {
  const nat = doc.cluster.network === "nat";
  const services = deriveModel(doc).ipvsServices.map((s) => {
    const keepalived = format === "keepalived";
    const hasReal = s.realServers.length > 0;
    const sorry = s.primary.sorryServer === undefined ? null : parseHostPort(s.primary.sorryServer);
    return {
      kind: s.kind, family: s.family, mark: s.mark,
      ...(s.kind === "port" ? { vip: s.vip, protocol: s.protocol, port: s.port } : {}),

      scheduler: s.scheduler,
      persistence: s.persistenceSeconds,
      prefix: s.persistenceSeconds > 0 ? s.persistencePrefix : undefined,
      ...(keepalived && hasReal ? { check: projectCheck(s, doc.cluster.heartbeat.intervalSeconds), quiesce: s.primary.quiesceServer } : {}),
      ...(keepalived && sorry ? { sorry: `${sorry.address.canonical}:${s.kind === "fwmark" ? "" : nat ? (sorry.port ?? s.port) : s.port}` } : {}),
      realServers: s.realServers
        .map((r) => ({ address: r.address, weight: r.weight, port: s.kind === "fwmark" ? undefined : keepalived && !nat ? s.port : r.port }))
        .sort((a, b) => `${a.address}/${a.port}`.localeCompare(`${b.address}/${b.port}`)),
    };
  }).sort((a, b) => JSON.stringify([a.kind, a.family, a.mark, a.vip, a.protocol, a.port]).localeCompare(JSON.stringify([b.kind, b.family, b.mark, b.vip, b.protocol, b.port])));
  const anyReal = services.some((s) => s.realServers.length > 0);
  const c = doc.cluster;
  return {
    services,
    timeouts: c.timeouts,
    ...(format === "keepalived" ? { name: c.name } : {}),
    ...((format === "keepalived" && services.length > 0) || anyReal ? { network: c.network } : {}),
  };
}

const v4 = (a: string | undefined) => (a !== undefined && familyOf(a) === 4 ? canonicalAddress(a) : undefined);

/** The IPv4 part of the document as lvs.cf carries it (schedulers only where the source's is one pulse knows). */
export function projectLvsCf(doc: LvsDocument, source: LvsDocument = doc): unknown {
  const carried = new Set(source.virtualServers.filter((vs) => LVS_CF_SCHEDULERS.includes(vs.scheduler)).map((vs) => vs.name));
  const c = doc.cluster;
  return {
    // IPv6 router addresses are left out of lvs.cf (lint LVS_CF_IPV6); the import's 0.0.0.0 stand-in means "not given".
    serialNo: c.serialNo, primary: [v4(c.primary.publicIp) === "0.0.0.0" ? undefined : v4(c.primary.publicIp), v4(c.primary.privateIp)],
    backup: [(c.backup?.enabled ?? false) && v4(c.backup?.publicIp) !== undefined, v4(c.backup?.publicIp), v4(c.backup?.privateIp)],
    heartbeat: c.heartbeat, network: c.network,
    natRouter: c.natRouter && v4(c.natRouter.ip) ? c.natRouter : undefined,
    monitorLinks: c.monitorLinks, syncDaemon: c.syncDaemon, timeouts: c.timeouts,
    virtualServers: doc.virtualServers.filter((vs) => familyOf(vs.vip) === 4).map((vs) => {
      const p = vs.persistence;
      return {
        name: vs.name, active: vs.active, vip: canonicalAddress(vs.vip), device: vs.device,
        // pulse reads no vip_nmask and 0.0.0.0 alike: not given.
        vipNetmask: vs.vipNetmask === undefined || maskPrefix(vs.vipNetmask, 4) === 0 ? undefined : maskPrefix(vs.vipNetmask, 4),
        sorry: v4(vs.sorryServer === undefined ? undefined : parseHostPort(vs.sorryServer)?.address.canonical),
        firewallMark: vs.firewallMark, port: vs.port, protocol: vs.protocol,
        scheduler: carried.has(vs.name) ? vs.scheduler : "not carried",
        persistence: p && p.timeoutSeconds > 0 ? [p.timeoutSeconds, p.netmask] : undefined,
        monitor: vs.monitor, loadMonitor: vs.loadMonitor, timeout: vs.serviceTimeoutSeconds, reentry: vs.reentrySeconds, quiesce: vs.quiesceServer,
        // Only NAT rewrites ports: under direct routing and tunnelling a real server's port is the service's.
        realServers: vs.realServers.filter((r) => familyOf(r.address) === 4).map((r) => ({
          ...r, address: canonicalAddress(r.address), ...(r.port === undefined || c.network === "nat" ? {} : { port: vs.port }),
        })),
      };
    }),
  };
}
