import * as z from "zod";
import { ipv4MaskPrefix, parseAddress, parseHostPort } from "../model/address";
import { PORT_SPEC_ALLOWED, parsePortSpec } from "../model/ports";

/** Shows a rejected value in an error message without echoing control characters or long text. */
export function describeValue(value: unknown): string {
  if (value === undefined) return "nothing";
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}

// Every primitive reports "got …; allowed: …" (or "required; allowed: …") so a
// path plus this message tells the operator exactly what to type.
/** Error option for a zod schema that names what is allowed. */
export function allowedError(allowed: string): { error: z.core.$ZodErrorMap } {
  return {
    error: (issue) =>
      issue.input === undefined ? `required; allowed: ${allowed}` : `got ${describeValue(issue.input)}; allowed: ${allowed}`,
  };
}

/**
 * The checks of a schema as a plain predicate, beside the schema itself, for the
 * document's fast path (fast-parse.ts): of a string or number, everything it
 * must be; of a list, its length; of an object, its refinement over the parsed
 * fields. One predicate serves both, so the two cannot disagree.
 */
export const FAST_CHECKS = new WeakMap<z.ZodType, (value: never) => boolean>();

/** Registers a schema's checks as a predicate (see FAST_CHECKS) and returns the schema. */
export function withFastCheck<S extends z.ZodType>(schema: S, check: (value: never) => boolean): S {
  FAST_CHECKS.set(schema, check);
  return schema;
}

/** A string that must pass `check`, which returns null or why it fails. */
export function checkedString(allowed: string, check: (s: string) => string | null) {
  const schema = z.string(allowedError(allowed)).superRefine((s, ctx) => {
    const why = check(s);
    if (why !== null) ctx.addIssue({ code: "custom", message: why, input: s });
  });
  return withFastCheck(schema, (s: unknown) => typeof s === "string" && check(s) === null);
}

/** An integer within [lo, hi]. */
export function intInRange(lo: number, hi: number, unit = "") {
  const allowed = `an integer ${lo}-${hi}${unit}`;
  const schema = z.int(allowedError(allowed)).min(lo, allowedError(allowed)).max(hi, allowedError(allowed));
  return withFastCheck(schema, (v: unknown) => Number.isSafeInteger(v) && (v as number) >= lo && (v as number) <= hi);
}

const NAME = /^[A-Za-z0-9_.-]{1,31}$/;

/** Name of a cluster, bundle, virtual or real server. */
export const nameSchema = checkedString("1-31 characters of A-Z a-z 0-9 _ . -", (s) =>
  NAME.test(s) ? null : `got ${describeValue(s)}; allowed: 1-31 characters of A-Z a-z 0-9 _ . -`,
);

const ADDRESS_ALLOWED = "an IPv4 address (192.0.2.10) or IPv6 address (2001:db8::10)";

/** An IPv4 or IPv6 address, parsed (no zone ids, no dotted IPv4 inside IPv6). */
export const ipAddressSchema = checkedString(ADDRESS_ALLOWED, (s) =>
  parseAddress(s) ? null : `got ${describeValue(s)}; allowed: ${ADDRESS_ALLOWED}`,
);

/** A contiguous dotted IPv4 netmask or, for IPv6, a prefix length; family is checked by the owner. */
export const maskSchema = z.union([z.string(), z.int()], allowedError("a dotted IPv4 netmask or an IPv6 prefix length 0-128"));

/** Why a mask is wrong for the family, or null when it fits. */
export function checkMask(mask: string | number, family: 4 | 6): string | null {
  if (family === 4) {
    const ok = typeof mask === "string" && ipv4MaskPrefix(mask) !== null;
    return ok ? null : `got ${describeValue(mask)}; allowed: a contiguous dotted IPv4 netmask (255.255.255.0)`;
  }
  const n = typeof mask === "number" ? mask : /^(0|[1-9]\d{0,2})$/.test(mask) ? Number(mask) : NaN;
  return Number.isInteger(n) && n >= 0 && n <= 128 ? null : `got ${describeValue(mask)}; allowed: an IPv6 prefix length 0-128`;
}

/** Prefix length of a mask already checked by checkMask. */
export function maskPrefix(mask: string | number, family: 4 | 6): number {
  if (family === 4 && typeof mask === "string") return ipv4MaskPrefix(mask) ?? 32;
  return Number(mask);
}

/** A TCP/UDP port 1-65535. */
export const portSchema = intInRange(1, 65535);

/** One entry of a bundle's port list: "80", "10000-20000" or "10000:20000". */
export const portSpecSchema = checkedString(PORT_SPEC_ALLOWED, (s) => {
  const r = parsePortSpec(s);
  return r.ok ? null : r.message;
});

/** The largest firewall mark: netfilter's mark is 32 bits (0 means unmarked). */
export const MAX_MARK = 4294967295;

/** A netfilter/IPVS firewall mark. */
export const markSchema = intInRange(1, MAX_MARK);

/** A duration in seconds. */
export const secondsSchema = (lo: number, hi: number) => intInRange(lo, hi, " seconds");

const DEVICE_ALLOWED =
  "a Linux interface name (1-15 of A-Z a-z 0-9 _ . -, not . or .., not starting with -) or an alias like eth0:1, at most 15 characters in all";

/** Why a device name would not be a Linux interface (dev_valid_name, IFNAMSIZ 16) or alias label, or null when it is one. */
export function deviceProblem(s: string): string | null {
  const [base = "", label, ...rest] = s.split(":");
  const ok =
    s.length >= 1 && s.length <= 15 && rest.length === 0 &&
    /^[A-Za-z0-9_.-]+$/.test(base) && base !== "." && base !== ".." && !base.startsWith("-") &&
    (label === undefined || /^[A-Za-z0-9_]+$/.test(label));
  return ok ? null : `got ${describeValue(s)}; allowed: ${DEVICE_ALLOWED}`;
}

/** A network device or alias label, e.g. eth1:1. */
export const deviceSchema = checkedString(DEVICE_ALLOWED, deviceProblem);

/** Free text shown only inside comments; renderers strip control characters and clamp it. */
export const descriptionSchema = z.string(allowedError("text of at most 200 characters")).max(200, allowedError("text of at most 200 characters"));

// Printable ASCII except the double quote; a backslash always escapes a visible
// character (\r, \n, regex escapes), so it can never swallow the closing quote.
const HEALTH = /^(?:[\x20\x21\x23-\x5b\x5d-\x7e]|\\[\x21\x23-\x7e])+$/;
const HEALTH_ALLOWED = 'printable ASCII without ", 1-255 characters; a backslash must escape a visible character other than "';

/** A health-check send or expect string. */
export const healthStringSchema = checkedString(HEALTH_ALLOWED, (s) =>
  s.length <= 255 && HEALTH.test(s) ? null : `got ${describeValue(s)}; allowed: ${HEALTH_ALLOWED}`,
);

const PROGRAM = /^\/[A-Za-z0-9_./-]+(?: [A-Za-z0-9_./%:=,+-]+)*$/;
const PROGRAM_ALLOWED = "an absolute path then space-separated arguments of A-Z a-z 0-9 _ . / % : = , + - (%h = real server), at most 255 characters";

/** A health-check sending program, e.g. "/usr/local/bin/check-dns %h". */
export const sendProgramSchema = checkedString(PROGRAM_ALLOWED, (s) =>
  s.length <= 255 && PROGRAM.test(s) ? null : `got ${describeValue(s)}; allowed: ${PROGRAM_ALLOWED}`,
);

const HOST_PORT_ALLOWED = "an address with an optional port: 192.0.2.5, 192.0.2.5:80, 2001:db8::5 or [2001:db8::5]:80";

/** A host with an optional port, e.g. a sorry server. */
export const hostPortSchema = checkedString(HOST_PORT_ALLOWED, (s) =>
  parseHostPort(s) ? null : `got ${describeValue(s)}; allowed: ${HOST_PORT_ALLOWED}`,
);

/** Builds a closed enum whose error lists the allowed values. */
export function closedEnum<const T extends readonly [string, ...string[]]>(values: T) {
  return z.enum(values, allowedError(values.join(", ")));
}

/** A strict object: unknown keys are errors that list the allowed keys. */
export function strictObject<S extends z.core.$ZodLooseShape>(shape: S) {
  const keys = Object.keys(shape).join(", ");
  return z.strictObject(shape, {
    error: (issue) => {
      if (issue.code === "unrecognized_keys") return `unknown field ${issue.keys.map((k) => JSON.stringify(k)).join(", ")}; allowed: ${keys}`;
      return issue.input === undefined ? `required; allowed: an object with ${keys}` : `got ${describeValue(issue.input)}; allowed: an object with ${keys}`;
    },
  });
}

/** A list whose errors say what each element must be. */
export function listOf<T extends z.ZodType>(item: T, what: string, max: number, min = 0) {
  const allowed = `a list of ${min}-${max} ${what}`;
  const schema = z.array(item, allowedError(allowed)).min(min, allowedError(allowed)).max(max, allowedError(allowed));
  return withFastCheck(schema, (list: unknown[]) => list.length >= min && list.length <= max);
}
