import type { Family } from "../model/address";
import type { L4Protocol } from "../model/bundles";
import { formatRange, normalizeRanges, type PortRange } from "../model/ports";
import type { FirewallMarkInput } from "../schema/firewall-mark";
import type { ImportedMarkRule } from "./mark-rules";
import { subtractRanges } from "./mark-rules";
import type { ImportMessage } from "./messages";

interface Claim { rule: ImportedMarkRule; ranges: PortRange[] }

/** Bundles built from mark rules, plus the notes and warnings of building them. */
export interface RuleBundles {
  bundles: FirewallMarkInput[];
  /** Where each bundle came from (same index as bundles). */
  origins: { file: string; line: number }[];
  messages: ImportMessage[];
}

const NAMED = /^bundle ([A-Za-z0-9_.-]{1,31}) \(mark \d+/;

function msg(severity: "note" | "warning", r: ImportedMarkRule, message: string, subject?: string): ImportMessage {
  return { severity, file: r.file, line: r.line, message, ...(subject === undefined ? {} : { subject }) };
}

// MARK does not end traversal, so for each destination (VIP, protocol, port)
// the last matching rule decides: a later rule takes its ports away from every
// earlier one, and only what each rule still decides becomes a bundle.
/** Bundles grouped by mark, VIP and protocol from rules in evaluation order (last match wins). */
export function bundlesFromRules(rules: readonly ImportedMarkRule[]): RuleBundles {
  const messages: ImportMessage[] = [];
  const claims = new Map<string, Claim[]>();
  for (const rule of rules) {
    const key = `${rule.family}/${rule.vip}/${rule.protocol}`;
    const list = claims.get(key) ?? [];
    for (const c of list) {
      const left = subtractRanges(c.ranges, rule.ranges);
      const lost = portsIn(c.ranges) - portsIn(left);
      if (lost > 0 && c.rule.mark !== rule.mark) {
        messages.push(msg("warning", c.rule, `mark ${c.rule.mark} for ${rule.vip} ${rule.protocol}: ${lost} port(s) are re-marked ${rule.mark} by ${rule.file}:${rule.line} (last match wins); imported as the later rule decides`, `firewallMark:${c.rule.mark}`));
      }
      c.ranges = left;
    }
    list.push({ rule, ranges: normalizeRanges(rule.ranges) });
    claims.set(key, list);
  }
  // Group what each rule still decides by mark and family, then by VIP and protocol.
  const byMark = new Map<string, { family: Family; mark: number; vip: string; first: ImportedMarkRule; ports: Map<L4Protocol, PortRange[]>; name?: string }>();
  for (const list of claims.values()) {
    for (const c of list) {
      if (c.rule.mark === 0 || c.ranges.length === 0) continue;
      const key = `${c.rule.family}/${c.rule.mark}`;
      let b = byMark.get(key);
      if (!b) {
        b = { family: c.rule.family, mark: c.rule.mark, vip: c.rule.vip, first: c.rule, ports: new Map() };
        byMark.set(key, b);
      } else if (b.vip !== c.rule.vip) {
        messages.push(msg("warning", c.rule, `mark ${c.rule.mark} also marks ${c.rule.vip}, but a bundle has one VIP (${b.vip}, from ${b.first.file}:${b.first.line}); this rule is not imported`, `firewallMark:${c.rule.mark}`));
        continue;
      } else if (c.rule.file !== b.first.file) {
        messages.push(msg("note", c.rule, `mark ${c.rule.mark} rule merged with the one from ${b.first.file}:${b.first.line}`, `firewallMark:${c.rule.mark}`));
      }
      const name = NAMED.exec(c.rule.comment ?? "")?.[1];
      if (name && b.name === undefined) b.name = name;
      b.ports.set(c.rule.protocol, coalesce([...(b.ports.get(c.rule.protocol) ?? []), ...c.ranges]));
    }
  }
  const bundles: FirewallMarkInput[] = [];
  const origins: { file: string; line: number }[] = [];
  const names = new Set<string>();
  const sorted = [...byMark.values()].sort((a, b) => a.first.file.localeCompare(b.first.file) || a.first.line - b.first.line);
  for (const b of sorted) {
    const tcp = b.ports.get("tcp");
    const udp = b.ports.get("udp");
    let protocol: "tcp" | "udp" | "both" = tcp ? "tcp" : "udp";
    let ranges = tcp ?? udp ?? [];
    if (tcp && udp) {
      if (sameRanges(tcp, udp)) protocol = "both";
      else messages.push(msg("warning", b.first, `mark ${b.mark} marks different tcp and udp ports, but a bundle has one port list for its protocols: only the tcp ports are imported`, `firewallMark:${b.mark}`));
    }
    if (ranges.length > 256) {
      messages.push(msg("warning", b.first, `mark ${b.mark} has ${ranges.length} port ranges; a bundle holds 256: the rest are not imported`, `firewallMark:${b.mark}`));
      ranges = ranges.slice(0, 256);
    }
    let name = b.name ?? `mark${b.family === 6 ? "6" : ""}-${b.mark}`;
    for (let i = 2; names.has(name); i++) name = `${(b.name ?? `mark-${b.mark}`).slice(0, 27)}-${i}`;
    names.add(name);
    bundles.push({ mark: b.mark, name, vip: b.vip, protocol, ports: ranges.map((r) => formatRange(r, "-")) });
    origins.push({ file: b.first.file, line: b.first.line });
  }
  return { bundles, origins, messages };
}

// Pieces of one mark's ports that touch (8000-8079 and 8080-8099) are one range to the operator.
function coalesce(ranges: readonly PortRange[]): PortRange[] {
  const out: PortRange[] = [];
  for (const r of normalizeRanges(ranges)) {
    const last = out[out.length - 1];
    if (last && r.lo <= last.hi + 1) last.hi = Math.max(last.hi, r.hi);
    else out.push({ ...r });
  }
  return out;
}

function portsIn(ranges: readonly PortRange[]): number {
  return ranges.reduce((n, r) => n + r.hi - r.lo + 1, 0);
}

function sameRanges(a: readonly PortRange[], b: readonly PortRange[]): boolean {
  return a.length === b.length && a.every((r, i) => r.lo === b[i]?.lo && r.hi === b[i]?.hi);
}
