import type { FormatName } from "../render/format-names";

/** How serious a diagnostic is; any error makes `lint` exit 1. */
export type Severity = "error" | "warning" | "info";

/** Every diagnostic code with its fixed severity and what it means; codes are stable. */
export const DIAGNOSTIC_CODES = {
  FWMARK_WITHOUT_BUNDLE: { severity: "error", summary: "a firewall-mark virtual server has no bundle for its mark and family" },
  BUNDLE_OVERLAP: { severity: "error", summary: "two bundles claim the same VIP, protocol and port" },
  DUPLICATE_MARK: { severity: "error", summary: "two bundles of one address family use the same mark" },
  PERSISTENCE_MISMATCH: { severity: "error", summary: "virtual servers sharing a mark disagree on persistence" },
  NAT_WITHOUT_ROUTER: { severity: "error", summary: "a NAT cluster has no NAT router" },
  DUPLICATE_NAME: { severity: "error", summary: "two objects of one kind share a name" },
  DUPLICATE_SERVICE: { severity: "error", summary: "two active virtual servers claim the same VIP, protocol and port" },
  REAL_SERVER_FAMILY_MISMATCH: { severity: "error", summary: "a real server's address family differs from its VIP's outside tunnelling" },
  REAL_SERVER_PORT_NOT_NAT: { severity: "error", summary: "a real server's port differs from the service port under direct routing or tunnelling" },
  LVS_CF_NO_DEVICE: { severity: "error", summary: "an IPv4 virtual server has no device; Piranha's parser requires `address = IP DEVICE`", artifacts: ["lvs.cf"] },
  LVS_CF_SCHEDULER: { severity: "error", summary: "Piranha's pulse refuses the scheduler", artifacts: ["lvs.cf"] },
  LVS_CF_IPV6_ROUTER: { severity: "error", summary: "a router address lvs.cf needs is IPv6, so pulse would run without it", artifacts: ["lvs.cf"] },
  LVS_CF_PRIVATE_PAIR: { severity: "error", summary: "only one router has a private heartbeat address; pulse would heartbeat to the wrong address", artifacts: ["lvs.cf"] },
  LVS_CF_SORRY_SERVER: { severity: "error", summary: "a sorry server lvs.cf cannot say (IPv6, or a port other than the service's)", artifacts: ["lvs.cf"] },
  LVS_CF_MARK_RANGE: { severity: "error", summary: "a firewall mark above 2147483647 reaches ipvsadm negative through lvsd", artifacts: ["lvs.cf"] },
  ROUTER_ID_CONFLICT: { severity: "error", summary: "two clusters of this console use one VRRP router id on one interface", artifacts: ["keepalived", "keepalived-backup"] },
  BUNDLE_WITHOUT_VIRTUAL_SERVER: { severity: "warning", summary: "a bundle marks packets no active virtual server takes" },
  MARK_INCONSISTENT: { severity: "warning", summary: "a mark is used across families, VIPs or protocols inconsistently" },
  SHARED_MARK_SETTINGS: { severity: "warning", summary: "virtual servers sharing a mark use different schedulers; the first wins" },
  PORT_SERVICE_SHADOWED: { severity: "warning", summary: "a port-based virtual server's packets are marked by a bundle" },
  SPLIT_PERSISTENT_SERVICE: { severity: "warning", summary: "persistent port services on one VIP should be one firewall-mark bundle" },
  FTP_WITHOUT_PERSISTENCE: { severity: "warning", summary: "an FTP bundle under direct routing or tunnelling has no persistence" },
  FTP_NEEDS_HELPER: { severity: "warning", summary: "an FTP bundle under NAT needs the ip_vs_ftp helper module" },
  FTP_NAT_NOT_MASQUERADED: { severity: "warning", summary: "an FTP bundle under NAT has no NAT router of its family, so active FTP is not masqueraded" },
  LVS_CF_IPV6: { severity: "warning", summary: "lvs.cf cannot express IPv6; the object is left out of it", artifacts: ["lvs.cf"] },
  LVS_CF_HEALTH_CHECK: { severity: "warning", summary: "lvs.cf cannot express the virtual server's health check", artifacts: ["lvs.cf"] },
  KEEPALIVED_MONITOR: { severity: "warning", summary: "keepalived cannot express Piranha's send/expect monitor or sending program", artifacts: ["keepalived", "keepalived-backup"] },
  KEEPALIVED_NO_DEVICE: { severity: "warning", summary: "an active virtual server has no device, so keepalived does not move its VIP", artifacts: ["keepalived", "keepalived-backup"] },
  KEEPALIVED_SYNC_DAEMON: { severity: "warning", summary: "the sync daemon is on but no VRRP instance exists for it to follow", artifacts: ["keepalived", "keepalived-backup"] },
  HEALTH_CHECK_SCRIPT: { severity: "warning", summary: "a health-check script runs as root on the routers" },
  NO_REAL_SERVERS: { severity: "warning", summary: "an active virtual server has no active real server" },
  REAL_SERVER_QUIESCED: { severity: "info", summary: "an active real server has weight 0 (quiesced)" },
  BUNDLE_PORTS_MERGED: { severity: "info", summary: "a bundle lists overlapping ports; they are merged" },
} as const satisfies Record<string, { severity: Severity; summary: string; artifacts?: readonly FormatName[] }>;

/** A diagnostic code. */
export type DiagnosticCode = keyof typeof DIAGNOSTIC_CODES;

/** Every code, in declaration order. */
export const DIAGNOSTIC_CODE_LIST = Object.keys(DIAGNOSTIC_CODES) as DiagnosticCode[];

/** One lint finding, shown beside the preview and returned by the CLI. */
export interface Diagnostic {
  severity: Severity;
  code: DiagnosticCode;
  message: string;
  path: string;
  /** The artifacts the finding is about; absent when it concerns every artifact. */
  artifacts?: readonly FormatName[];
}

const codeArtifacts = (code: DiagnosticCode): readonly FormatName[] | undefined =>
  (DIAGNOSTIC_CODES[code] as { artifacts?: readonly FormatName[] }).artifacts;

/** Builds a diagnostic with the code's fixed severity (and, unless given, the code's artifacts). */
export function diagnostic(code: DiagnosticCode, path: string, message: string, artifacts = codeArtifacts(code)): Diagnostic {
  return { severity: DIAGNOSTIC_CODES[code].severity, code, message, path, ...(artifacts === undefined ? {} : { artifacts }) };
}

/** The errors that stop one artifact: those about every artifact and those naming it. */
export function errorsFor(diagnostics: readonly Diagnostic[], format: FormatName): Diagnostic[] {
  return diagnostics.filter((d) => d.severity === "error" && (d.artifacts === undefined || d.artifacts.includes(format)));
}
