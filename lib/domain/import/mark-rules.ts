import type { Family } from "../model/address";
import type { L4Protocol } from "../model/bundles";
import type { PortRange } from "../model/ports";
import { MAX_MARK } from "../schema/primitives";
import type { ImportMessage } from "./messages";

/** One packet-filter rule that sets a firewall mark, as netfilter would apply it. */
export interface ImportedMarkRule {
  family: Family;
  /** Canonical destination address (a single host). */
  vip: string;
  protocol: L4Protocol;
  /** Destination ports matched, sorted; 1-65535 when the rule names none. */
  ranges: PortRange[];
  mark: number;
  file: string;
  line: number;
  /** A `-m comment` / nft comment or the generator's bundle comment, if any. */
  comment?: string;
}

/** Mark rules of a file in the order netfilter evaluates them (the last match wins), plus what was not imported. */
export interface MarkRulesResult {
  rules: ImportedMarkRule[];
  messages: ImportMessage[];
}

/** Largest mark: netfilter marks are 32-bit and 0 means "no mark" (one definition, the schema's). */
export { MAX_MARK };

/** What a mark value may be, quoted in errors. */
export const MARK_ALLOWED = `an integer 1-${MAX_MARK} (decimal or 0x hex)`;

/** Every port, for rules that name no port. */
export const ALL_PORTS: readonly PortRange[] = [{ lo: 1, hi: 65535 }];

/** Intersection of two sorted, merged range lists. */
export function intersectRanges(a: readonly PortRange[], b: readonly PortRange[]): PortRange[] {
  const out: PortRange[] = [];
  for (const x of a) {
    for (const y of b) {
      const lo = Math.max(x.lo, y.lo);
      const hi = Math.min(x.hi, y.hi);
      if (lo <= hi) out.push({ lo, hi });
    }
  }
  return out;
}

/** The ports of `a` not in `b`. */
export function subtractRanges(a: readonly PortRange[], b: readonly PortRange[]): PortRange[] {
  let rest = a.map((r) => ({ ...r }));
  for (const cut of b) {
    const next: PortRange[] = [];
    for (const r of rest) {
      if (cut.hi < r.lo || cut.lo > r.hi) next.push(r);
      else {
        if (r.lo < cut.lo) next.push({ lo: r.lo, hi: cut.lo - 1 });
        if (cut.hi < r.hi) next.push({ lo: cut.hi + 1, hi: r.hi });
      }
    }
    rest = next;
  }
  return rest;
}
