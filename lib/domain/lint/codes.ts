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
  BUNDLE_WITHOUT_VIRTUAL_SERVER: { severity: "warning", summary: "a bundle marks packets no active virtual server takes" },
  MARK_INCONSISTENT: { severity: "warning", summary: "a mark is used across families, VIPs or protocols inconsistently" },
  SHARED_MARK_SETTINGS: { severity: "warning", summary: "virtual servers sharing a mark use different schedulers; the first wins" },
  PORT_SERVICE_SHADOWED: { severity: "warning", summary: "a port-based virtual server's packets are marked by a bundle" },
  SPLIT_PERSISTENT_SERVICE: { severity: "warning", summary: "persistent port services on one VIP should be one firewall-mark bundle" },
  FTP_WITHOUT_PERSISTENCE: { severity: "warning", summary: "an FTP bundle under direct routing or tunnelling has no persistence" },
  FTP_NEEDS_HELPER: { severity: "warning", summary: "an FTP bundle under NAT needs the ip_vs_ftp helper module" },
  FTP_NAT_NOT_MASQUERADED: { severity: "warning", summary: "an FTP bundle under NAT has no NAT router of its family, so active FTP is not masqueraded" },
  LVS_CF_IPV6: { severity: "warning", summary: "lvs.cf cannot express IPv6; the object is left out of it" },
  LVS_CF_SCHEDULER: { severity: "warning", summary: "Piranha's lvs.cf does not know the scheduler" },
  NO_REAL_SERVERS: { severity: "warning", summary: "an active virtual server has no active real server" },
  REAL_SERVER_QUIESCED: { severity: "info", summary: "an active real server has weight 0 (quiesced)" },
  BUNDLE_PORTS_MERGED: { severity: "info", summary: "a bundle lists overlapping ports; they are merged" },
} as const satisfies Record<string, { severity: Severity; summary: string }>;

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
}

/** Builds a diagnostic with the code's fixed severity. */
export function diagnostic(code: DiagnosticCode, path: string, message: string): Diagnostic {
  return { severity: DIAGNOSTIC_CODES[code].severity, code, message, path };
}
