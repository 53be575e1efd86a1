import type { Family } from "../model/address";
import type { L4Protocol } from "../model/bundles";
import type { PortRange } from "../model/ports";

/** A rule that sets `mark` on packets to vip/protocol/ports, from the model or read off a router. */
export interface MarkRuleLike {
  family: Family;
  vip: string;
  protocol: L4Protocol;
  ranges: readonly PortRange[];
  mark: number;
}

/** Ports of one destination and the mark a packet to them leaves with (0 = unmarked). */
export interface MarkSegment extends PortRange {
  mark: number;
}

/** The key of one destination: family, canonical VIP and protocol. */
export const destinationKey = (r: Pick<MarkRuleLike, "family" | "vip" | "protocol">) => `${r.family} ${r.vip} ${r.protocol}`;

// netfilter keeps going after MARK, so each port ends up with the mark of the
// last rule that matches it: paint the rules in order over the port space.
/** The effective marks per destination, as sorted segments of equal mark (unmarked ports left out). */
export function effectiveMarks(rules: readonly MarkRuleLike[]): Map<string, MarkSegment[]> {
  const byKey = new Map<string, MarkRuleLike[]>();
  for (const r of rules) {
    const key = destinationKey(r);
    byKey.set(key, [...(byKey.get(key) ?? []), r]);
  }
  const out = new Map<string, MarkSegment[]>();
  for (const [key, list] of byKey) {
    const segments = paint(list.flatMap((r) => r.ranges.map((range) => ({ ...range, mark: r.mark }))));
    if (segments.length > 0) out.set(key, segments);
  }
  return out;
}

function paint(ordered: readonly MarkSegment[]): MarkSegment[] {
  const cuts = [...new Set(ordered.flatMap((s) => [s.lo, s.hi + 1]))].sort((a, b) => a - b);
  const out: MarkSegment[] = [];
  for (let i = 0; i + 1 < cuts.length; i++) {
    const lo = cuts[i]!;
    const hi = cuts[i + 1]! - 1;
    let mark = 0;
    for (const s of ordered) if (s.lo <= lo && lo <= s.hi) mark = s.mark;
    if (mark !== 0) pushMerged(out, { lo, hi, mark });
  }
  return out;
}

function pushMerged(out: MarkSegment[], s: MarkSegment): void {
  const last = out.at(-1);
  if (last && last.mark === s.mark && last.hi + 1 === s.lo) last.hi = s.hi;
  else out.push(s);
}

/** Ports where two destinations' marks differ: expected and actual mark (0 = none) per range. */
export interface MarkDifference extends PortRange {
  expected: number;
  actual: number;
}

/** Compares the expected and actual segments of one destination. */
export function diffSegments(expected: readonly MarkSegment[], actual: readonly MarkSegment[]): MarkDifference[] {
  const cuts = [...new Set([...expected, ...actual].flatMap((s) => [s.lo, s.hi + 1]))].sort((a, b) => a - b);
  const at = (list: readonly MarkSegment[], port: number) => list.find((s) => s.lo <= port && port <= s.hi)?.mark ?? 0;
  const out: MarkDifference[] = [];
  for (let i = 0; i + 1 < cuts.length; i++) {
    const lo = cuts[i]!;
    const hi = cuts[i + 1]! - 1;
    const e = at(expected, lo);
    const a = at(actual, lo);
    if (e === a) continue;
    const last = out.at(-1);
    if (last && last.expected === e && last.actual === a && last.hi + 1 === lo) last.hi = hi;
    else out.push({ lo, hi, expected: e, actual: a });
  }
  return out;
}
