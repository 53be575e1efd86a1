import type { LvsDocument } from "../schema/document";
import type { BundleProtocol } from "../schema/firewall-mark";
import { canonicalAddress, familyOf, type Family } from "./address";
import { normalizeRanges, parsePortSpecs, type PortRange } from "./ports";

/** A transport protocol a mark rule matches. */
export type L4Protocol = "tcp" | "udp";

/** The rules of one bundle for one protocol: what the packet filter must mark. */
export interface MarkRuleSet {
  bundleIndex: number;
  mark: number;
  name: string;
  description?: string;
  family: Family;
  vip: string;
  protocol: L4Protocol;
  ranges: PortRange[];
}

/** `both` means a tcp rule and a udp rule. */
export function expandProtocols(protocol: BundleProtocol): L4Protocol[] {
  return protocol === "both" ? ["tcp", "udp"] : [protocol];
}

// Every mangle renderer derives the same rule sets (about a dozen times per
// renderAll); a validated document is never mutated, so they are derived once
// per bundle list and shared read-only.
const derived = new WeakMap<LvsDocument["firewallMarks"], readonly MarkRuleSet[]>();

/** Every bundle × protocol in document order, ports sorted with overlaps merged (shared: do not mutate). */
export function markRuleSets(doc: LvsDocument): readonly MarkRuleSet[] {
  let sets = derived.get(doc.firewallMarks);
  if (!sets) {
    sets = deriveRuleSets(doc);
    derived.set(doc.firewallMarks, sets);
  }
  return sets;
}

function deriveRuleSets(doc: LvsDocument): MarkRuleSet[] {
  return doc.firewallMarks.flatMap((b, bundleIndex) =>
    expandProtocols(b.protocol).map((protocol) => ({
      bundleIndex,
      mark: b.mark,
      name: b.name,
      ...(b.description === undefined ? {} : { description: b.description }),
      family: familyOf(b.vip),
      vip: canonicalAddress(b.vip),
      protocol,
      ranges: normalizeRanges(parsePortSpecs(b.ports)),
    })),
  );
}

/** Rule sets of one address family. */
export function ruleSetsOfFamily(doc: LvsDocument, family: Family): readonly MarkRuleSet[] {
  return markRuleSets(doc).filter((r) => r.family === family);
}
