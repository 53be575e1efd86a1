import { parseAddress, type Family } from "../model/address";
import type { L4Protocol } from "../model/bundles";
import { normalizeRanges, parsePortSpec, type PortRange } from "../model/ports";
import { MARK_ALLOWED, MAX_MARK } from "./mark-rules";
import type { Word } from "./words";
import { parseUnsigned } from "./words";

/** What a rule matches, as far as the model can say it. */
export interface RuleMatch {
  vip?: { family: Family; address: string };
  protocol?: L4Protocol;
  ranges?: PortRange[];
}

/** What a rule does when it matches. */
export type RuleTarget =
  | { kind: "mark"; mark: number }
  | { kind: "jump"; chain: string; goto: boolean }
  | { kind: "return" }
  | { kind: "other"; name: string }
  | { kind: "none" };

/** One parsed rule body (after `-A CHAIN`). */
export interface ParsedRule {
  match: RuleMatch;
  target: RuleTarget;
  comment?: string;
  /** Matches or options the model cannot carry: the rule is not imported. */
  unsupported: string[];
}

/** A rule body or an error at a word. */
export type RuleResult = { ok: true; rule: ParsedRule } | { ok: false; column: number; message: string };

const PROTOCOLS: Record<string, L4Protocol> = { tcp: "tcp", "6": "tcp", udp: "udp", "17": "udp" };
const VALUED = new Set([
  "-m", "--match", "-d", "--destination", "--dst", "-p", "--protocol", "--dport", "--destination-port",
  "--dports", "--destination-ports", "-j", "--jump", "-g", "--goto", "--set-mark", "--set-xmark", "--comment",
]);
const HARMLESS_MODULES = new Set(["tcp", "udp", "multiport", "comment", "mark"]);

// The options iptables-save prints for mark rules and the spellings the manuals
// use; anything else narrows or widens the match in a way a bundle cannot say.
/** Parses the words of an iptables rule body (`-d … -p … --dport … -j MARK --set-mark N`). */
export function parseRuleWords(words: readonly Word[]): RuleResult {
  const rule: ParsedRule = { match: {}, target: { kind: "none" }, unsupported: [] };
  let negate = false;
  for (let i = 0; i < words.length; i++) {
    const w = words[i] as Word;
    const next = (): Word | undefined => words[++i];
    if (w.text === "!") {
      negate = true;
      continue;
    }
    const opt = w.text;
    if (negate && opt !== "-m" && opt !== "--match") {
      rule.unsupported.push(`negated ${opt}`);
      negate = false;
      next();
      continue;
    }
    negate = false;
    const valued = VALUED.has(opt);
    const value = valued ? next() : undefined;
    if (valued && value === undefined) return { ok: false, column: w.column, message: `${opt} needs a value` };
    const arg = value?.text ?? "";
    const argColumn = value?.column ?? w.column;
    switch (opt) {
      case "-m":
      case "--match":
        if (!HARMLESS_MODULES.has(arg)) rule.unsupported.push(`-m ${arg}`);
        break;
      case "-d":
      case "--destination":
      case "--dst": {
        const host = parseHost(arg);
        if (typeof host === "string") rule.unsupported.push(host);
        else rule.match.vip = host;
        break;
      }
      case "-p":
      case "--protocol": {
        const p = PROTOCOLS[arg.toLowerCase()];
        if (p) rule.match.protocol = p;
        else rule.unsupported.push(`-p ${arg}`);
        break;
      }
      case "--dport":
      case "--destination-port":
      case "--dports":
      case "--destination-ports": {
        const ranges = parsePorts(arg);
        if (typeof ranges === "string") return { ok: false, column: argColumn, message: ranges };
        rule.match.ranges = normalizeRanges(ranges);
        break;
      }
      case "-j":
      case "--jump":
      case "-g":
      case "--goto": {
        const t = arg;
        if (t === "MARK") rule.target = { kind: "none" };
        else if (t === "RETURN") rule.target = { kind: "return" };
        else if (["ACCEPT", "DROP", "CONNMARK", "TPROXY", "DSCP", "TOS", "LOG", "CLASSIFY", "TTL", "CT", "NFQUEUE", "REJECT"].includes(t)) {
          rule.target = { kind: "other", name: t };
        } else rule.target = { kind: "jump", chain: t, goto: opt === "-g" || opt === "--goto" };
        break;
      }
      case "--set-mark":
      case "--set-xmark": {
        const r = parseMarkValue(arg, opt);
        if (typeof r === "string") return { ok: false, column: argColumn, message: r };
        if (r.partial) rule.unsupported.push(`${opt} ${arg} (a mask other than 0xffffffff changes only some bits)`);
        else rule.target = { kind: "mark", mark: r.mark };
        break;
      }
      case "--comment":
        rule.comment = arg;
        break;
      default:
        rule.unsupported.push(opt.startsWith("-") ? opt : `word ${JSON.stringify(opt)}`);
        if (opt.startsWith("-") && words[i + 1] && !words[i + 1]?.text.startsWith("-")) i++;
    }
  }
  return { ok: true, rule };
}

function parseHost(text: string): { family: Family; address: string } | string {
  const [addr = "", prefix] = text.split("/");
  const parsed = parseAddress(addr);
  if (!parsed) return `-d ${text} (not an address; host names are not resolved)`;
  const full = parsed.family === 4 ? ["32", "255.255.255.255"] : ["128"];
  if (prefix !== undefined && !full.includes(prefix)) return `-d ${text} (a network, not one VIP)`;
  return { family: parsed.family, address: parsed.canonical };
}

function parsePorts(text: string): PortRange[] | string {
  const out: PortRange[] = [];
  for (const part of text.split(",")) {
    const spec = /^\d*:\d*$/.test(part) ? part.replace(/^:/, "1:").replace(/:$/, ":65535") : part;
    const r = parsePortSpec(spec);
    if (!r.ok) return `${r.message} (in ${JSON.stringify(text)})`;
    out.push(r.range);
  }
  return out;
}

/** Parses `N`, `0xN` or `N/MASK` (0 clears the mark); partial when the mask does not cover all 32 bits. */
export function parseMarkValue(text: string, option = "mark"): { mark: number; partial: boolean } | string {
  const [v = "", m] = text.split("/");
  const mark = parseUnsigned(v);
  const mask = m === undefined ? MAX_MARK : parseUnsigned(m);
  if (mark === null || mask === null) return `${option} ${JSON.stringify(text)} is not a number; allowed: ${MARK_ALLOWED}`;
  if (mark > MAX_MARK || mask > MAX_MARK) return `${option} ${text} does not fit in 32 bits; allowed: ${MARK_ALLOWED}`;
  return { mark, partial: mask !== MAX_MARK };
}
