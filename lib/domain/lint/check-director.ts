import type { HealthCheck } from "../schema/health-check";
import { hasFloatingAddresses } from "../model/vrrp";
import { diagnostic, type Diagnostic } from "./codes";
import { vsPath, type DerivedModel, type ModelVirtualServer } from "./context";

const KEEPALIVED = "keepalived, keepalived-backup";

function keepalivedCheck(s: ModelVirtualServer): string {
  const hc = s.vs.healthCheck;
  if (hc === undefined) return `a ${s.vs.protocol === "tcp" ? "TCP_CHECK" : "UDP_CHECK"} connect to each real server's port`;
  return hc.type === "none" ? "no check at all (healthCheck type none)" : `the ${hc.type} health check`;
}

/** KEEPALIVED_MONITOR: Piranha's send/expect monitor or sending program, which keepalived has no form for. */
export function checkKeepalivedMonitor(model: DerivedModel): Diagnostic[] {
  return model.virtualServers.flatMap((s) => {
    const m = s.vs.monitor;
    if (!s.vs.active || !m || (m.send === undefined && m.expect === undefined && m.sendProgram === undefined)) return [];
    const what = [m.send === undefined ? "" : "send", m.expect === undefined ? "" : "expect", m.sendProgram === undefined ? "" : "sending program"]
      .filter((w) => w !== "").join(", ");
    return [diagnostic("KEEPALIVED_MONITOR", vsPath(s.index, "monitor"),
      `${KEEPALIVED}: virtual server ${s.vs.name}'s monitor (${what}) has no keepalived form; keepalived uses ${keepalivedCheck(s)} instead (set healthCheck to choose)`)];
  });
}

// What nanny can say: a connect (or a send/expect exchange) on the real
// server's port, every `timeout` seconds; anything else in healthCheck is lost.
function lostInLvsCf(hc: HealthCheck): string[] {
  const lost: string[] = [];
  if (hc.type === "none") lost.push("no check (nanny always checks)");
  else if (hc.type !== "tcp" && hc.type !== "udp") lost.push(`check type ${hc.type}${hc.type === "http" || hc.type === "https" ? " (path, status code, digest)" : ""}`);
  if (hc.port !== undefined) lost.push(`check port ${hc.port}`);
  for (const field of ["intervalSeconds", "timeoutSeconds", "retries", "retryDelaySeconds"] as const) {
    if (hc[field] !== undefined) lost.push(field);
  }
  return lost;
}

/** LVS_CF_HEALTH_CHECK: a health check lvs.cf (nanny) cannot express. */
export function checkLvsCfHealth(model: DerivedModel): Diagnostic[] {
  return model.virtualServers.flatMap((s) => {
    const hc = s.vs.healthCheck;
    if (s.family === 6 || hc === undefined) return [];
    const lost = lostInLvsCf(hc);
    if (lost.length === 0) return [];
    const instead = s.vs.monitor?.send !== undefined || s.vs.monitor?.sendProgram !== undefined ? "its send/expect monitor" : "a connect to each real server's port";
    return [diagnostic("LVS_CF_HEALTH_CHECK", vsPath(s.index, "healthCheck"),
      `lvs.cf: virtual server ${s.vs.name}'s health check cannot be said to nanny (${lost.join(", ")}); pulse checks with ${instead} instead`)];
  });
}

/** HEALTH_CHECK_SCRIPT: every script a router would run as root, naming the artifact that runs it. */
export function checkScripts(model: DerivedModel): Diagnostic[] {
  return model.virtualServers.flatMap((s) => {
    const out: Diagnostic[] = [];
    if (s.vs.healthCheck?.type === "misc") {
      out.push(diagnostic("HEALTH_CHECK_SCRIPT", vsPath(s.index, "healthCheck.script"),
        `${KEEPALIVED}: MISC_CHECK runs "${s.vs.healthCheck.script}" (%h: each real server's address) as root on both routers; make sure it exists there and is safe`, ["keepalived", "keepalived-backup"]));
    }
    if (s.vs.monitor?.sendProgram !== undefined && s.family === 4) {
      out.push(diagnostic("HEALTH_CHECK_SCRIPT", vsPath(s.index, "monitor.sendProgram"),
        `lvs.cf: nanny runs "${s.vs.monitor.sendProgram}" as root on both routers; make sure it exists there and is safe`, ["lvs.cf"]));
    }
    return out;
  });
}

/** KEEPALIVED_NO_DEVICE and KEEPALIVED_SYNC_DAEMON: what keepalived's VRRP instance cannot carry. */
export function checkKeepalivedVrrp(model: DerivedModel): Diagnostic[] {
  const out = model.virtualServers
    .filter((s) => s.vs.active && s.vs.device === undefined)
    .map((s) => diagnostic("KEEPALIVED_NO_DEVICE", vsPath(s.index, "device"),
      `${KEEPALIVED}: virtual server ${s.vs.name} has no device, so neither router brings ${s.vip} up; set the device (e.g. eth0:1) to move it with the pair`));
  if (model.doc.cluster.syncDaemon && !hasFloatingAddresses(model.doc)) {
    out.push(diagnostic("KEEPALIVED_SYNC_DAEMON", "cluster.syncDaemon",
      `${KEEPALIVED}: the sync daemon follows the VRRP instance, and there is none (no active virtual server has a device); lvs_sync_daemon is left out`));
  }
  return out;
}

