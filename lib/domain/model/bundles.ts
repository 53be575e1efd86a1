import type { LvsDocument } from "../schema/document";
import type { BundleProtocol, FirewallMark } from "../schema/firewall-mark";
import { canonicalAddress, familyOf, type Family } from "./address";
import { normalizeRanges, parsePortSpec, type PortRange } from "./ports";

/** A transport protocol a mark rule matches. */
export type L4Protocol = "tcp" | "udp";

/** A bundle with its family, canonical VIP and parsed ports. */
export interface ModelBundle {
  index: number;
  mark: number;
  name: string;
  description?: string;
  family: Family;
  vip: string;
  protocols: L4Protocol[];
  /** Ports in document order with their index in `ports`. */
  ports: { index: number; range: PortRange }[];
  /** The same ports sorted, overlaps merged: what a rule matches. */
  ranges: PortRange[];
}

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

/** Each bundle with its family, canonical VIP and parsed ports (specs the schema let through but that do not parse are skipped). */
export function deriveBundles(bundles: readonly FirewallMark[]): ModelBundle[] {
  return bundles.map((b, index) => {
    const ports: ModelBundle["ports"] = [];
    b.ports.forEach((spec, i) => {
      const r = parsePortSpec(spec);
      if (r.ok) ports.push({ index: i, range: r.range });
    });
    const bundle: ModelBundle = {
      index, mark: b.mark, name: b.name, family: familyOf(b.vip), vip: canonicalAddress(b.vip),
      protocols: expandProtocols(b.protocol), ports, ranges: normalizeRanges(ports.map((p) => p.range)),
    };
    if (b.description !== undefined) bundle.description = b.description;
    return bundle;
  });
}

/** Every bundle × protocol in document order (the rule sets share their bundle's ranges: do not mutate). */
export function deriveRuleSets(bundles: readonly ModelBundle[]): MarkRuleSet[] {
  return bundles.flatMap((b) =>
    b.protocols.map((protocol) => ({
      bundleIndex: b.index,
      mark: b.mark,
      name: b.name,
      ...(b.description === undefined ? {} : { description: b.description }),
      family: b.family,
      vip: b.vip,
      protocol,
      ranges: b.ranges,
    })),
  );
}

/** The rule sets of a document, for readers that need nothing else (derive the model when you need more). */
export function markRuleSets(doc: LvsDocument): MarkRuleSet[] {
  return deriveRuleSets(deriveBundles(doc.firewallMarks));
}
