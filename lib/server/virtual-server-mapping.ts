import "server-only";
import type { HealthCheck, VirtualServer } from "@/lib/domain/schema";
import type { VirtualServer as VirtualServerRow } from "@/lib/generated/prisma/client";
import {
  fromColumns, maskFromColumn, maskToColumn, optionalMarkFromColumn, optionalMarkToColumn, optionalText as str, toColumns,
} from "./stored-values";

// The one mapping between a VirtualServer row and the model's virtual server
// (without its real servers: real-server-mapping.ts), both ways: the panels,
// the interchange document and the import all go through here.

export { toRealServerData, toRealServerDetail, toRealServerValues, type RealServerDetail } from "./real-server-mapping";

/** The virtual server form's values: the shared schema's fields except the real-server list (edited row by row). */
export type VirtualServerValues = Omit<VirtualServer, "realServers">;

// Each health-check field beside its column, in the document's order: both directions read this table.
const HEALTH_CHECK_COLUMNS = {
  type: "healthCheckType", port: "healthCheckPort", path: "healthCheckPath", statusCode: "healthCheckStatusCode",
  digest: "healthCheckDigest", script: "healthCheckScript", dnsName: "healthCheckDnsName", dnsType: "healthCheckDnsType",
  intervalSeconds: "healthCheckInterval", timeoutSeconds: "healthCheckTimeout", retries: "healthCheckRetries", retryDelaySeconds: "healthCheckRetryDelay",
} as const satisfies Record<keyof HealthCheck, keyof VirtualServerRow>;

/** Stored health-check columns → the document's healthCheck (undefined when none is set). */
export function toHealthCheck(v: VirtualServerRow): HealthCheck | undefined {
  if (v.healthCheckType === null) return undefined;
  return fromColumns(v, HEALTH_CHECK_COLUMNS) as HealthCheck;
}

/** The document's healthCheck → its columns (all null when none is set). */
export function healthCheckData(h: HealthCheck | undefined) {
  return toColumns<VirtualServerRow, typeof HEALTH_CHECK_COLUMNS>(h, HEALTH_CHECK_COLUMNS);
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
