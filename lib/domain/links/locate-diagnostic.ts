import { fieldIdOf } from "./field-id";
import type { Diagnostic } from "../lint/codes";

/** The console objects a diagnostic path can point at: ids and names in document order. */
export interface ObjectDirectory {
  clusterName: string;
  firewallMarks: readonly { id: number; name: string }[];
  virtualServers: readonly { id: number; name: string; realServers: readonly { id: number; name: string }[] }[];
}

/** Where a diagnostic sends the operator: the object by name, its edit page and the field at fault. */
export interface DiagnosticTarget {
  /** "virtual server web", "real server web1 of web", "bundle ftp", "cluster edge-1". */
  objectName: string;
  /** The object by kind and database id: "virtualServer:7", "realServer:70", "firewallMark:31", "cluster". */
  objectKey: string;
  /** The page that edits the object, without the field anchor (pages pick their own diagnostics by it). */
  page: string;
  /** `page` plus `#fieldId` when a field is known. */
  href: string;
  /** DOM id of the input at fault, or null when the finding is about the object as a whole. */
  fieldId: string | null;
}

const VS_FIELDS = new Set([
  "name", "active", "vip", "vipNetmask", "device", "protocol", "port", "firewallMark", "scheduler",
  "persistence.timeoutSeconds", "persistence.netmask", "reentrySeconds", "serviceTimeoutSeconds", "quiesceServer",
  "loadMonitor", "sorryServer", "monitor.sendProgram", "monitor.send", "monitor.expect", "monitor.expectIsRegex",
  "healthCheck.type", "healthCheck.port", "healthCheck.path", "healthCheck.statusCode", "healthCheck.digest",
  "healthCheck.script", "healthCheck.dnsName", "healthCheck.dnsType", "healthCheck.intervalSeconds",
  "healthCheck.timeoutSeconds", "healthCheck.retries", "healthCheck.retryDelaySeconds",
]);
// A finding about a group of fields focuses its first input.
const VS_GROUPS: Record<string, string> = { persistence: "persistence.timeoutSeconds", monitor: "monitor.send", healthCheck: "healthCheck.type" };
const BUNDLE_FIELDS = new Set(["mark", "name", "description", "vip", "protocol"]);
const REAL_SERVER_FIELDS = new Set(["name", "address", "port", "weight"]);
const CLUSTER_GROUPS: Record<string, string> = { natRouter: "natRouter.ip", primary: "primary.publicIp", backup: "backup.enabled", heartbeat: "heartbeat.intervalSeconds", vrrp: "vrrp.routerId", timeouts: "timeouts.tcp" };
const REDUNDANCY = /^(backup|heartbeat|monitorLinks|syncDaemon|vrrp)\b/;

const withField = (objectName: string, objectKey: string, page: string, fieldId: string | null): DiagnosticTarget =>
  ({ objectName, objectKey, page, href: fieldId ? `${page}#${fieldId}` : page, fieldId });

// "persistence.netmask" is a field; "persistence" names its group; anything deeper falls back to the group.
function formField(rest: string, fields: ReadonlySet<string>, groups: Record<string, string>): string | null {
  if (fields.has(rest)) return rest;
  const head = rest.split(/[.[]/)[0] ?? "";
  return groups[head] ?? (fields.has(head) ? head : null);
}

function locateVirtualServer(i: number, rest: string, dir: ObjectDirectory): DiagnosticTarget | null {
  const vs = dir.virtualServers[i];
  if (!vs) return null;
  const page = `/virtual-servers/${vs.id}`;
  const rs = /^realServers\[(\d+)\](?:\.(.*))?$/.exec(rest);
  const real = rs ? vs.realServers[Number(rs[1])] : undefined;
  if (rs && real) {
    const field = REAL_SERVER_FIELDS.has(rs[2] ?? "") ? rs[2]! : "name";
    return withField(`real server ${real.name} of ${vs.name}`, `realServer:${real.id}`, page, fieldIdOf(field, `rs-${real.id}`));
  }
  if (rest.startsWith("realServers")) return withField(`virtual server ${vs.name}`, `virtualServer:${vs.id}`, page, "real-servers-heading");
  const field = rest === "" ? null : formField(rest, VS_FIELDS, VS_GROUPS);
  return withField(`virtual server ${vs.name}`, `virtualServer:${vs.id}`, page, field && fieldIdOf(field));
}

function locateBundle(i: number, rest: string, dir: ObjectDirectory): DiagnosticTarget | null {
  const bundle = dir.firewallMarks[i];
  if (!bundle) return null;
  const port = /^ports\[(\d+)\]/.exec(rest);
  const field = port ? `ports.${port[1]}` : rest === "" ? null : formField(rest, BUNDLE_FIELDS, {});
  return withField(`bundle ${bundle.name}`, `firewallMark:${bundle.id}`, `/firewall-marks/${bundle.id}`, field && fieldIdOf(field));
}

function locateCluster(rest: string, dir: ObjectDirectory): DiagnosticTarget {
  const page = REDUNDANCY.test(rest) ? "/redundancy" : "/settings";
  const field = rest === "" ? null : (CLUSTER_GROUPS[rest] ?? rest);
  return withField(`cluster ${dir.clusterName}`, "cluster", page, field && fieldIdOf(field));
}

/** Maps a diagnostic path ("virtualServers[2].persistence") to the named object, its page and the field to focus; null when it names nothing the console edits. */
export function locateDiagnostic(path: string, dir: ObjectDirectory): DiagnosticTarget | null {
  const m = /^(virtualServers|firewallMarks)\[(\d+)\](?:\.(.*))?$/.exec(path);
  if (m) return m[1] === "virtualServers" ? locateVirtualServer(Number(m[2]), m[3] ?? "", dir) : locateBundle(Number(m[2]), m[3] ?? "", dir);
  const c = /^cluster(?:\.(.*))?$/.exec(path);
  return c ? locateCluster(c[1] ?? "", dir) : null;
}

/** A message with document positions ("used by virtualServers[0]") replaced by the objects' names. */
export function nameReferences(message: string, dir: ObjectDirectory): string {
  return message.replace(/\b(?:virtualServers\[\d+\](?:\.realServers\[\d+\])?|firewallMarks\[\d+\])/g, (ref) => locateDiagnostic(ref, dir)?.objectName ?? ref);
}

/** A diagnostic with its target, as every page shows it. */
export type LinkedDiagnostic = Diagnostic & { target: DiagnosticTarget | null };

/** Targets every diagnostic and names the objects its message refers to by position. */
export function linkDiagnostics(diagnostics: readonly Diagnostic[], dir: ObjectDirectory): LinkedDiagnostic[] {
  return diagnostics.map((d) => ({ ...d, message: nameReferences(d.message, dir), target: locateDiagnostic(d.path, dir) }));
}
