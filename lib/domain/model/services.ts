import type { NetworkType } from "../schema/cluster";
import type { Scheduler, VirtualServer } from "../schema/virtual-server";
import { maskPrefix } from "../schema/primitives";
import { canonicalAddress, familyOf, type Family } from "./address";
import { markKey, type ModelVirtualServer } from "./derive-model";

/** A real server as IPVS sees it. */
export interface IpvsRealServer {
  name: string;
  address: string;
  family: Family;
  /** Port IPVS forwards to (port services only): the real server's under NAT, else the service's. */
  port?: number;
  /** Port the default health check probes: the forwarding port, or the service port for fwmark services. */
  checkPort: number;
  weight: number;
}

/** One IPVS virtual service: a fwmark service per (mark, family) or a VIP:port service. */
export interface IpvsService {
  kind: "fwmark" | "port";
  family: Family;
  mark?: number;
  vip: string;
  protocol: "tcp" | "udp";
  port: number;
  scheduler: Scheduler;
  persistenceSeconds: number;
  persistencePrefix?: number;
  /** The first virtual server of the group; its settings win (lint reports disagreements). */
  primary: VirtualServer;
  virtualServers: VirtualServer[];
  realServers: IpvsRealServer[];
}

/** How each network type is spelled by ipvsadm and keepalived. */
export const FORWARDING: Record<NetworkType, { ipvsadm: string; keepalived: string }> = {
  nat: { ipvsadm: "-m", keepalived: "NAT" },
  direct: { ipvsadm: "-g", keepalived: "DR" },
  tunnel: { ipvsadm: "-i", keepalived: "TUN" },
};

// Piranha emits one IPVS service for HTTP and HTTPS when both name mark 80; so
// do we: virtual servers sharing a mark and family collapse into one service.
/** The IPVS services of the active virtual servers, in document order (DerivedModel.ipvsServices holds them once per document). */
export function deriveServices(network: NetworkType, virtualServers: readonly ModelVirtualServer[]): IpvsService[] {
  const byKey = new Map<string, IpvsService>();
  for (const { vs, family, vip } of virtualServers) {
    if (!vs.active) continue;
    const key = vs.firewallMark === undefined ? `port/${vip}/${vs.protocol}/${vs.port}` : `fwmark/${markKey(family, vs.firewallMark)}`;
    const existing = byKey.get(key);
    if (existing) {
      existing.virtualServers.push(vs);
      mergeRealServers(existing, vs, network);
      continue;
    }
    const service: IpvsService = {
      kind: vs.firewallMark === undefined ? "port" : "fwmark",
      family,
      ...(vs.firewallMark === undefined ? {} : { mark: vs.firewallMark }),
      vip,
      protocol: vs.protocol,
      port: vs.port,
      scheduler: vs.scheduler,
      persistenceSeconds: vs.persistence?.timeoutSeconds ?? 0,
      ...persistencePrefix(vs, family),
      primary: vs,
      virtualServers: [vs],
      realServers: [],
    };
    mergeRealServers(service, vs, network);
    byKey.set(key, service);
  }
  return [...byKey.values()];
}

function persistencePrefix(vs: VirtualServer, family: Family): { persistencePrefix?: number } {
  const mask = vs.persistence?.netmask;
  return mask === undefined ? {} : { persistencePrefix: maskPrefix(mask, family) };
}

// Only NAT rewrites the destination port; direct routing and tunnelling deliver
// the packet unchanged, so a real-server port there is the service's (lint
// reports a different one as REAL_SERVER_PORT_NOT_NAT) and every renderer agrees.
function mergeRealServers(service: IpvsService, vs: VirtualServer, network: NetworkType): void {
  for (const rs of vs.realServers.filter((r) => r.active)) {
    const address = canonicalAddress(rs.address);
    const forwardPort = network === "nat" ? (rs.port ?? vs.port) : vs.port;
    // IPVS keeps the packet's own port for fwmark services; a real server port only applies to port services.
    const port = service.kind === "port" ? forwardPort : undefined;
    if (service.realServers.some((r) => r.address === address && r.port === port)) continue;
    service.realServers.push({
      name: rs.name, address, family: familyOf(rs.address), ...(port === undefined ? {} : { port }),
      checkPort: port ?? vs.port, weight: rs.weight,
    });
  }
}
