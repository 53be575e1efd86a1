import "server-only";
import { familyOf } from "@/lib/domain/model/address";
import type { HealthCheck, RealServer, VirtualServer } from "@/lib/domain/schema";
import type { RealServer as RealServerRow, VirtualServer as VirtualServerRow } from "@/lib/generated/prisma/client";

/** The virtual server form's values: the shared schema's fields except the real-server list (edited row by row). */
export type VirtualServerValues = Omit<VirtualServer, "realServers">;

// IPv6 masks are stored as text ("64") but the schema carries prefix lengths as numbers.
/** A stored mask as the schema carries it: IPv6 prefix lengths as numbers, dotted IPv4 masks as text. */
export const maskOut = (mask: string | null, vip: string): string | number | undefined =>
  mask === null ? undefined : familyOf(vip) === 6 && /^\d+$/.test(mask) ? Number(mask) : mask;
const str = (v: string | null) => v ?? undefined;
const num = (v: number | null) => v ?? undefined;

/** Drops undefined entries, so a stored object reads back with the keys it was written with. */
export function definedOnly<T extends Record<string, unknown>>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}

/** Stored health-check columns → the document's healthCheck (undefined when none is set). */
export function toHealthCheck(v: VirtualServerRow): HealthCheck | undefined {
  if (v.healthCheckType === null) return undefined;
  return definedOnly({
    type: v.healthCheckType as HealthCheck["type"],
    port: num(v.healthCheckPort),
    path: str(v.healthCheckPath),
    statusCode: num(v.healthCheckStatusCode),
    digest: str(v.healthCheckDigest),
    script: str(v.healthCheckScript),
    dnsName: str(v.healthCheckDnsName),
    dnsType: str(v.healthCheckDnsType) as HealthCheck["dnsType"],
    intervalSeconds: num(v.healthCheckInterval),
    timeoutSeconds: num(v.healthCheckTimeout),
    retries: num(v.healthCheckRetries),
    retryDelaySeconds: num(v.healthCheckRetryDelay),
  });
}

/** The document's healthCheck → its columns (all null when none is set). */
export function healthCheckData(h: HealthCheck | undefined) {
  return {
    healthCheckType: h?.type ?? null,
    healthCheckPort: h?.port ?? null,
    healthCheckPath: h?.path ?? null,
    healthCheckStatusCode: h?.statusCode ?? null,
    healthCheckDigest: h?.digest ?? null,
    healthCheckScript: h?.script ?? null,
    healthCheckDnsName: h?.dnsName ?? null,
    healthCheckDnsType: h?.dnsType ?? null,
    healthCheckInterval: h?.intervalSeconds ?? null,
    healthCheckTimeout: h?.timeoutSeconds ?? null,
    healthCheckRetries: h?.retries ?? null,
    healthCheckRetryDelay: h?.retryDelaySeconds ?? null,
  };
}

/** Database row → form values. */
export function toVirtualServerValues(v: VirtualServerRow): VirtualServerValues {
  return {
    name: v.name,
    active: v.active,
    vip: v.vip,
    vipNetmask: maskOut(v.vipNetmask, v.vip),
    device: str(v.device),
    protocol: v.protocol as VirtualServer["protocol"],
    port: v.port,
    firewallMark: v.firewallMark === null ? undefined : Number(v.firewallMark),
    scheduler: v.scheduler as VirtualServer["scheduler"],
    persistence: { timeoutSeconds: v.persistenceTimeout, netmask: maskOut(v.persistenceNetmask, v.vip) },
    reentrySeconds: v.reentrySeconds,
    serviceTimeoutSeconds: v.serviceTimeoutSeconds,
    quiesceServer: v.quiesceServer,
    loadMonitor: v.loadMonitor as VirtualServer["loadMonitor"],
    sorryServer: str(v.sorryServer),
    monitor: {
      send: str(v.monitorSend),
      expect: str(v.monitorExpect),
      expectIsRegex: v.monitorExpectRegex,
      sendProgram: str(v.monitorSendProgram),
    },
    healthCheck: toHealthCheck(v),
  };
}

/** Validated form values → database columns. */
export function toVirtualServerData(v: VirtualServerValues) {
  return {
    name: v.name,
    active: v.active,
    vip: v.vip,
    vipNetmask: v.vipNetmask === undefined ? null : String(v.vipNetmask),
    device: v.device ?? null,
    protocol: v.protocol,
    port: v.port,
    firewallMark: v.firewallMark === undefined ? null : BigInt(v.firewallMark),
    scheduler: v.scheduler,
    persistenceTimeout: v.persistence?.timeoutSeconds ?? 0,
    persistenceNetmask: v.persistence?.netmask === undefined ? null : String(v.persistence.netmask),
    reentrySeconds: v.reentrySeconds,
    serviceTimeoutSeconds: v.serviceTimeoutSeconds,
    quiesceServer: v.quiesceServer,
    loadMonitor: v.loadMonitor,
    sorryServer: v.sorryServer ?? null,
    monitorSend: v.monitor?.send ?? null,
    monitorExpect: v.monitor?.expect ?? null,
    monitorExpectRegex: v.monitor?.expectIsRegex ?? false,
    monitorSendProgram: v.monitor?.sendProgram ?? null,
    ...healthCheckData(v.healthCheck),
  };
}

/** A real server as its row editor shows it. */
export interface RealServerDetail {
  id: number;
  virtualServerId: number;
  version: number;
  values: RealServer;
}

/** Database row → real server DTO. */
export function toRealServerDetail(r: RealServerRow): RealServerDetail {
  return {
    id: r.id,
    virtualServerId: r.virtualServerId,
    version: r.version,
    values: { name: r.name, address: r.address, port: r.port ?? undefined, weight: r.weight, active: r.active },
  };
}

/** Validated real server → database columns. */
export function toRealServerData(r: RealServer) {
  return { name: r.name, address: r.address, port: r.port ?? null, weight: r.weight, active: r.active };
}
