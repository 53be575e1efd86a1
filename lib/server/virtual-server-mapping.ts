import "server-only";
import type { HealthCheck, VirtualServer } from "@/lib/domain/schema";
import type { VirtualServer as VirtualServerRow } from "@/lib/generated/prisma/client";
import {
  definedOnly, maskFromColumn, maskToColumn, optionalMarkFromColumn, optionalMarkToColumn,
  optionalNumber as num, optionalText as str,
} from "./stored-values";

// The one mapping between a VirtualServer row and the model's virtual server
// (without its real servers: real-server-mapping.ts), both ways: the panels,
// the interchange document and the import all go through here.

export { toRealServerData, toRealServerDetail, toRealServerValues, type RealServerDetail } from "./real-server-mapping";

/** The virtual server form's values: the shared schema's fields except the real-server list (edited row by row). */
export type VirtualServerValues = Omit<VirtualServer, "realServers">;

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

/** Virtual server row → the model's values (the form's and the document's alike). */
export function toVirtualServerValues(v: VirtualServerRow): VirtualServerValues {
  return {
    name: v.name,
    active: v.active,
    vip: v.vip,
    vipNetmask: maskFromColumn(v.vipNetmask, v.vip),
    device: str(v.device),
    protocol: v.protocol as VirtualServer["protocol"],
    port: v.port,
    firewallMark: optionalMarkFromColumn(v.firewallMark),
    scheduler: v.scheduler as VirtualServer["scheduler"],
    persistence: { timeoutSeconds: v.persistenceTimeout, netmask: maskFromColumn(v.persistenceNetmask, v.vip) },
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

/** The model's values → the row's columns. */
export function toVirtualServerData(v: VirtualServerValues) {
  return {
    name: v.name,
    active: v.active,
    vip: v.vip,
    vipNetmask: maskToColumn(v.vipNetmask),
    device: v.device ?? null,
    protocol: v.protocol,
    port: v.port,
    firewallMark: optionalMarkToColumn(v.firewallMark),
    scheduler: v.scheduler,
    persistenceTimeout: v.persistence?.timeoutSeconds ?? 0,
    persistenceNetmask: maskToColumn(v.persistence?.netmask),
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
