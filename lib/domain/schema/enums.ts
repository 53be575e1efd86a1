// Closed value lists of the model, free of zod so client components can import
// them without pulling the schema library into the page's first JavaScript.

/** How IPVS forwards to real servers (Piranha "LVS type"). */
export const NETWORK_TYPES = ["nat", "direct", "tunnel"] as const;

/** Protocols a bundle can mark; `both` means tcp and udp. */
export const BUNDLE_PROTOCOLS = ["tcp", "udp", "both"] as const;

/** The manuals' presets: HTTP + HTTPS under mark 80, FTP control + passive range under mark 21. */
export const BUNDLE_PRESETS = [
  { id: "http-https", label: "HTTP + HTTPS", mark: 80, name: "http-https", protocol: "tcp", ports: ["80", "443"] },
  { id: "ftp", label: "FTP", mark: 21, name: "ftp", protocol: "tcp", ports: ["21", "10000-20000"] },
] as const;

/** IPVS schedulers; sed, nq, fo, ovf and mh are refused by Piranha's lvs.cf parser. */
export const SCHEDULERS = ["rr", "wrr", "lc", "wlc", "lblc", "lblcr", "dh", "sh", "sed", "nq", "fo", "ovf", "mh"] as const;
/** IPVS scheduler name. */
export type Scheduler = (typeof SCHEDULERS)[number];
/** Schedulers Piranha's lvs.cf parser accepts (lvsconfig.c of piranha 0.8.6); any other stops pulse. */
export const LVS_CF_SCHEDULERS: readonly Scheduler[] = ["rr", "wrr", "lc", "wlc", "lblc", "lblcr", "dh", "sh"];
/** Protocols of a virtual server. */
export const SERVICE_PROTOCOLS = ["tcp", "udp"] as const;
/** Load monitors of Piranha. */
export const LOAD_MONITORS = ["none", "rup", "ruptime"] as const;

/** Health checks as keepalived knows them; `none` checks nothing (real servers stay in). */
export const HEALTH_CHECK_TYPES = ["tcp", "udp", "http", "https", "smtp", "dns", "misc", "none"] as const;
/** Health-check type. */
export type HealthCheckType = (typeof HEALTH_CHECK_TYPES)[number];
/** A health-check field that only some check types use. */
export type HealthCheckTypedField = "port" | "path" | "statusCode" | "digest" | "script" | "dnsName" | "dnsType";
/** Which typed fields each check type carries (the schema refuses the others; the form shows only these). */
export const HEALTH_CHECK_FIELDS: Record<HealthCheckType, readonly HealthCheckTypedField[]> = {
  tcp: ["port"],
  udp: ["port"],
  http: ["port", "path", "statusCode", "digest"],
  https: ["port", "path", "statusCode", "digest"],
  smtp: ["port"],
  dns: ["port", "dnsName", "dnsType"],
  misc: ["script"],
  none: [],
};
/** DNS query types keepalived's DNS_CHECK can ask. */
export const DNS_QUERY_TYPES = ["A", "NS", "CNAME", "SOA", "MX", "TXT", "AAAA"] as const;
