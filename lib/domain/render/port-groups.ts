import { formatRange, type PortRange } from "../model/ports";
import type { MarkRuleSet } from "../model/bundles";

/** iptables multiport accepts at most 15 ports; a range takes two of them. */
export const MULTIPORT_SLOTS = 15;

/** Splits ranges into chunks that each fit one multiport match. */
export function multiportChunks(ranges: readonly PortRange[], slots = MULTIPORT_SLOTS): PortRange[][] {
  const chunks: PortRange[][] = [];
  let current: PortRange[] = [];
  let used = 0;
  for (const r of ranges) {
    const cost = r.lo === r.hi ? 1 : 2;
    if (used + cost > slots) {
      chunks.push(current);
      current = [];
      used = 0;
    }
    current.push(r);
    used += cost;
  }
  if (current.length > 0) chunks.push(current);
  return chunks;
}

/** The port match for one chunk: `--dport P` for one entry, else `-m multiport --dports …`. */
export function portMatch(chunk: readonly PortRange[]): string {
  const first = chunk[0];
  if (chunk.length === 1 && first) return `--dport ${formatRange(first, ":")}`;
  return `-m multiport --dports ${chunk.map((r) => formatRange(r, ":")).join(",")}`;
}

/** iptables rule bodies (after `-A CHAIN`) that set the rule set's mark, one per chunk. */
export function markRuleBodies(set: MarkRuleSet): string[] {
  const host = `${set.vip}/${set.family === 4 ? 32 : 128}`;
  return multiportChunks(set.ranges).map(
    (chunk) => `-p ${set.protocol} -d ${host} ${portMatch(chunk)} -j MARK --set-mark ${set.mark}`,
  );
}
