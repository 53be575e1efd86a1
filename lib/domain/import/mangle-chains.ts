import type { ParsedRule, RuleMatch } from "./iptables-rule";
import { ALL_PORTS, intersectRanges, type ImportedMarkRule } from "./mark-rules";
import type { MessageLog } from "./messages";

/** A rule of a chain and the line it came from. */
export interface ChainEntry {
  rule: ParsedRule;
  line: number;
  /** The comment line just above the rule (the generator names its bundles there). */
  leadingComment?: string;
}

/** The mangle table's chains, in rule order. */
export type Chains = Map<string, ChainEntry[]>;

const MAX_DEPTH = 64;

// Netfilter evaluates PREROUTING top to bottom, descends into jumped-to chains
// and keeps going after MARK: each mark rule is emitted in that order, with the
// jump's own matches applied, so "last match wins" can be computed afterwards.
/** The mark rules PREROUTING applies, in evaluation order; every rule that cannot be carried is a warning. */
export function collectMarkRules(chains: Chains, log: MessageLog): ImportedMarkRule[] {
  const out: ImportedMarkRule[] = [];
  const visited = new Set<string>();
  walk(chains, "PREROUTING", {}, [], out, log, visited);
  for (const [name, entries] of chains) {
    if (visited.has(name)) continue;
    for (const e of entries) {
      if (e.rule.target.kind === "mark") log.warn(e.line, `mark rule in chain ${name} not imported: only PREROUTING and the chains it jumps to mark packets for IPVS`);
    }
  }
  return out;
}

function walk(chains: Chains, name: string, cond: RuleMatch, stack: string[], out: ImportedMarkRule[], log: MessageLog, visited: Set<string>): void {
  visited.add(name);
  for (const e of chains.get(name) ?? []) {
    const { rule, line } = e;
    if (rule.unsupported.length > 0) {
      if (rule.target.kind !== "none") log.warn(line, `rule not imported: ${rule.unsupported.join(", ")} cannot be expressed by a firewall-mark bundle`);
      continue;
    }
    const match = mergeMatch(cond, rule.match);
    if (match === null) {
      log.note(line, `rule can never match inside the jump from ${stack.at(-1) ?? "PREROUTING"} (disjoint address, protocol or ports); skipped`);
      continue;
    }
    const t = rule.target;
    if (t.kind === "mark") emitMark(match, t.mark, e, log, out);
    else if (t.kind === "jump") {
      if (stack.includes(t.chain) || t.chain === name) {
        log.warn(line, `jump to ${t.chain} loops back into a chain already being evaluated; not followed`);
      } else if (!chains.has(t.chain)) {
        log.warn(line, `jump to ${t.chain}, a chain not defined in this file; not followed`);
      } else if (stack.length >= MAX_DEPTH) {
        log.warn(line, `jump to ${t.chain} nests deeper than ${MAX_DEPTH} chains; not followed`);
      } else {
        walk(chains, t.chain, match, [...stack, name], out, log, visited);
      }
    } else if (t.kind === "return") {
      if (isEmpty(rule.match)) return;
      log.warn(line, "conditional RETURN not imported: the rules after it are read as if it never matched");
    } else if (t.kind === "other") {
      log.warn(line, `rule with target ${t.name} not imported: the model carries only MARK rules${t.name === "ACCEPT" || t.name === "DROP" ? " (it also ends the table for the packets it matches)" : ""}`);
    }
  }
}

function emitMark(match: RuleMatch, mark: number, e: ChainEntry, log: MessageLog, out: ImportedMarkRule[]): void {
  if (!match.vip) {
    log.warn(e.line, `mark ${mark} on packets to any destination not imported: a bundle needs one VIP (-d ADDRESS)`);
    return;
  }
  if (!match.protocol) log.note(e.line, `rule names no protocol: imported for tcp and udp (other protocols are not carried)`);
  if (!match.ranges) log.note(e.line, `rule names no destination port: imported as ports 1-65535`);
  const comment = e.rule.comment ?? e.leadingComment;
  for (const protocol of match.protocol ? [match.protocol] : (["tcp", "udp"] as const)) {
    out.push({
      family: match.vip.family, vip: match.vip.address, protocol, ranges: match.ranges ?? [...ALL_PORTS], mark,
      file: log.file, line: e.line, ...(comment === undefined ? {} : { comment }),
    });
  }
}

function isEmpty(m: RuleMatch): boolean {
  return m.vip === undefined && m.protocol === undefined && m.ranges === undefined;
}

/** The conjunction of a jump's match and a rule's match; null when no packet can satisfy both. */
export function mergeMatch(outer: RuleMatch, inner: RuleMatch): RuleMatch | null {
  if (outer.vip && inner.vip && outer.vip.address !== inner.vip.address) return null;
  if (outer.protocol && inner.protocol && outer.protocol !== inner.protocol) return null;
  const vip = inner.vip ?? outer.vip;
  const protocol = inner.protocol ?? outer.protocol;
  let ranges = inner.ranges ?? outer.ranges;
  if (outer.ranges && inner.ranges) {
    ranges = intersectRanges(outer.ranges, inner.ranges);
    if (ranges.length === 0) return null;
  }
  return { ...(vip ? { vip } : {}), ...(protocol ? { protocol } : {}), ...(ranges ? { ranges } : {}) };
}
