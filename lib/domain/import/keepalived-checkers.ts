import { formatIssues } from "../schema/format-issues";
import { healthCheckSchema, type HealthCheck } from "../schema/health-check";
import type { KaNode } from "./keepalived-syntax";
import type { MessageLog } from "./messages";

const TYPES: Record<string, HealthCheck["type"]> = {
  TCP_CHECK: "tcp", UDP_CHECK: "udp", HTTP_GET: "http", SSL_GET: "https", SMTP_CHECK: "smtp", DNS_CHECK: "dns", MISC_CHECK: "misc",
};
const NUMBER_FIELDS: Record<string, keyof HealthCheck> = {
  connect_port: "port", connect_timeout: "timeoutSeconds", misc_timeout: "timeoutSeconds", retry: "retries", nb_get_retry: "retries",
  delay_before_retry: "retryDelaySeconds", delay_loop: "intervalSeconds",
};

/** True when the keyword names one of keepalived's checkers. */
export function isCheckerKeyword(word: string): boolean {
  return word.endsWith("_CHECK") || word === "HTTP_GET" || word === "SSL_GET";
}

// keepalived checks each real server on its own; the model holds one check per
// virtual server, so the caller compares the real servers' checks afterwards.
/** A real server's checker as the fields of a model health check (validated by validateCheck), or null (with a warning) when the model cannot hold it. */
export function readChecker(node: KaNode, log: MessageLog, subject: string): Record<string, unknown> | null {
  const l = log.forFile(node.file);
  const keyword = node.words[0] ?? "";
  const type = TYPES[keyword];
  if (!type) {
    l.warn(node.line, `${keyword} not imported: the model's checks are ${Object.keys(TYPES).join(", ")}`, subject);
    return null;
  }
  const check: Record<string, unknown> = { type };
  for (const child of node.children ?? []) {
    const [key = "", value] = child.words;
    const field = NUMBER_FIELDS[key];
    if (field && value !== undefined && /^\d+(\.\d+)?$/.test(value)) {
      check[field] = Math.round(Number(value));
      if (!Number.isInteger(Number(value))) l.note(child.line, `${key} ${value} rounded to ${check[field]} s`, subject);
    } else if (key === "url" && (type === "http" || type === "https")) readUrl(child, check, l, subject);
    else if (key === "misc_path" && type === "misc") check.script = child.words.slice(1).join(" ");
    else if (key === "name" && type === "dns") check.dnsName = value;
    else if (key === "type" && type === "dns") check.dnsType = value?.toUpperCase();
    else l.warn(child.line, `${keyword} ${key} not imported: the model does not carry it`, subject);
  }
  return check;
}

// Only the check that is imported is validated: at 100,000 real servers one
// schema run each was a second of the import.
/** The check as a validated model health check, or null with a warning saying why not. */
export function validateCheck(check: Record<string, unknown>, node: { file: string; line: number; keyword: string }, log: MessageLog, subject: string): HealthCheck | null {
  const parsed = healthCheckSchema.safeParse(check);
  if (parsed.success) return parsed.data;
  log.forFile(node.file).warn(node.line, `${node.keyword} not imported: ${formatIssues(parsed.error).join("; ")}`, subject);
  return null;
}

function readUrl(node: KaNode, check: Record<string, unknown>, log: MessageLog, subject: string): void {
  if (check.path !== undefined) {
    log.warn(node.line, "second url block not imported: the model checks one path", subject);
    return;
  }
  for (const child of node.children ?? []) {
    const [key = "", value = ""] = child.words;
    if (key === "path") check.path = value;
    else if (key === "digest") check.digest = value.toLowerCase();
    else if (key === "status_code" && /^\d{3}$/.test(value)) check.statusCode = Number(value);
    else log.warn(child.line, `url ${key} not imported: the model does not carry it`, subject);
  }
}

/** True when two real servers' checks have the same fields and values. */
export function sameCheck(a: Record<string, unknown> | null, b: Record<string, unknown> | null): boolean {
  if (a === null || b === null) return a === b;
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length) return false;
  return keys.every((k) => a[k] === b[k]);
}
