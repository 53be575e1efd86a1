import * as z from "zod";
import { DNS_QUERY_TYPES, HEALTH_CHECK_FIELDS, HEALTH_CHECK_TYPES, type HealthCheckType } from "./enums";
import { checkedString, closedEnum, describeValue, intInRange, portSchema, secondsSchema, sendProgramSchema, strictObject } from "./primitives";

export { DNS_QUERY_TYPES, HEALTH_CHECK_TYPES, type HealthCheckType };

const PATH = /^\/[A-Za-z0-9_.~!$&'()*+,;=:@%/?-]{0,254}$/;
const PATH_ALLOWED = "an absolute URL path like /healthz?full=1: printable ASCII without spaces, quotes, # or backslash, at most 255 characters";

/** The URL path an http/https check requests. */
export const httpPathSchema = checkedString(PATH_ALLOWED, (s) =>
  PATH.test(s) ? null : `got ${describeValue(s)}; allowed: ${PATH_ALLOWED}`,
);

const DIGEST = /^[0-9a-f]{32}$/;
const DIGEST_ALLOWED = "the MD5 of the expected body as 32 lowercase hex digits (keepalived genhash prints it)";

/** MD5 digest of the page an http/https check expects. */
export const digestSchema = checkedString(DIGEST_ALLOWED, (s) =>
  DIGEST.test(s) ? null : `got ${describeValue(s)}; allowed: ${DIGEST_ALLOWED}`,
);

const DNS_NAME = /^(?:\.|(?:[A-Za-z0-9_](?:[A-Za-z0-9_-]{0,61}[A-Za-z0-9_])?\.)*[A-Za-z0-9_](?:[A-Za-z0-9_-]{0,61}[A-Za-z0-9_])?\.?)$/;
const DNS_NAME_ALLOWED = "a domain name like www.example.org (or . for the root), at most 253 characters";

/** The name a dns check asks for. */
export const dnsNameSchema = checkedString(DNS_NAME_ALLOWED, (s) =>
  s.length <= 253 && DNS_NAME.test(s) ? null : `got ${describeValue(s)}; allowed: ${DNS_NAME_ALLOWED}`,
);

// Which optional fields each type may carry (HEALTH_CHECK_FIELDS); anything else
// is a field error, so a document never holds a value no renderer would use.
const FIELDS_BY_TYPE: Record<HealthCheckType, readonly string[]> = HEALTH_CHECK_FIELDS;
const TYPED_FIELDS = ["port", "path", "statusCode", "digest", "script", "dnsName", "dnsType"] as const;

/** A virtual server's health check as keepalived's checkers know it (DESIGN.md §2). */
export const healthCheckSchema = strictObject({
  type: closedEnum(HEALTH_CHECK_TYPES),
  /** Port probed; default: each real server's own port (else the service's). */
  port: portSchema.optional(),
  path: httpPathSchema.optional(),
  statusCode: intInRange(100, 599).optional(),
  digest: digestSchema.optional(),
  /** misc: the program keepalived runs as root; %h becomes each real server's address in the rendered file. */
  script: sendProgramSchema.optional(),
  dnsName: dnsNameSchema.optional(),
  dnsType: closedEnum(DNS_QUERY_TYPES).optional(),
  /** keepalived delay_loop; default: the cluster's heartbeat interval. */
  intervalSeconds: secondsSchema(1, 86400).optional(),
  /** keepalived connect_timeout; default: the virtual server's service timeout. */
  timeoutSeconds: secondsSchema(1, 3600).optional(),
  /** keepalived retry (nb_get_retry); default: keepalived's own. */
  retries: intInRange(0, 1000).optional(),
  /** keepalived delay_before_retry; default: keepalived's own. */
  retryDelaySeconds: secondsSchema(0, 3600).optional(),
}).superRefine((check, ctx) => {
  const allowed = FIELDS_BY_TYPE[check.type];
  for (const field of TYPED_FIELDS) {
    if (check[field] !== undefined && !allowed.includes(field)) {
      const list = allowed.length > 0 ? allowed.join(", ") : "none of port, path, statusCode, digest, script, dnsName, dnsType";
      ctx.addIssue({ code: "custom", path: [field], message: `not used by a ${check.type} check; allowed for ${check.type}: ${list}`, input: check[field] });
    }
  }
  if (check.type === "misc" && check.script === undefined) {
    ctx.addIssue({ code: "custom", path: ["script"], message: "required for a misc check; allowed: an absolute path then arguments" });
  }
});

/** A health check after defaults. */
export type HealthCheck = z.output<typeof healthCheckSchema>;
