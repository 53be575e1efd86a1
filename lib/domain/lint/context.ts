import { canonicalAddress, familyOf, type Family } from "../model/address";
import { expandProtocols, type L4Protocol } from "../model/bundles";
import { parsePortSpec, type PortRange } from "../model/ports";
import type { LvsDocument } from "../schema/document";
import type { VirtualServer } from "../schema/virtual-server";

/** A bundle with what every check needs already derived. */
export interface LintBundle {
  index: number;
  mark: number;
  name: string;
  family: Family;
  vip: string;
  protocols: L4Protocol[];
  /** Ports in document order with their index in `ports`. */
  ports: { index: number; range: PortRange }[];
}

/** A virtual server with its document index, family and canonical VIP. */
export interface LintService {
  index: number;
  vs: VirtualServer;
  family: Family;
  vip: string;
}

/** The document plus derived views shared by the checks. */
export interface LintContext {
  doc: LvsDocument;
  bundles: LintBundle[];
  services: LintService[];
}

/** Derives the lint context of a validated document. */
export function lintContext(doc: LvsDocument): LintContext {
  const bundles = doc.firewallMarks.map((b, index) => ({
    index,
    mark: b.mark,
    name: b.name,
    family: familyOf(b.vip),
    vip: canonicalAddress(b.vip),
    protocols: expandProtocols(b.protocol),
    ports: b.ports.flatMap((spec, i) => {
      const r = parsePortSpec(spec);
      return r.ok ? [{ index: i, range: r.range }] : [];
    }),
  }));
  const services = doc.virtualServers.map((vs, index) => ({ index, vs, family: familyOf(vs.vip), vip: canonicalAddress(vs.vip) }));
  return { doc, bundles, services };
}

// Four checks ask for the mark services; at 10,000 services rebuilding the
// list each time was a fifth of lint.
const markServiceLists = new WeakMap<LintContext, (LintService & { mark: number })[]>();

/** Active virtual servers using a firewall mark (shared by the checks: do not mutate). */
export function markServices(ctx: LintContext): readonly (LintService & { mark: number })[] {
  let list = markServiceLists.get(ctx);
  if (!list) {
    list = ctx.services.flatMap((s) => (s.vs.active && s.vs.firewallMark !== undefined ? [{ ...s, mark: s.vs.firewallMark }] : []));
    markServiceLists.set(ctx, list);
  }
  return list;
}

/** Groups items by a string key, keeping first-seen order. */
export function groupBy<T>(items: readonly T[], key: (t: T) => string): T[][] {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return [...groups.values()];
}

/** Items indexed by a string key, each list in document order (for lookups that would otherwise scan every bundle). */
export function indexBy<T>(items: readonly T[], key: (t: T) => string): Map<string, T[]> {
  const index = new Map<string, T[]>();
  for (const group of groupBy(items, key)) index.set(key(group[0] as T), group);
  return index;
}

/** Path of a virtual server field. */
export const vsPath = (index: number, field?: string) => `virtualServers[${index}]${field === undefined ? "" : `.${field}`}`;
/** Path of a bundle field. */
export const bundlePath = (index: number, field?: string) => `firewallMarks[${index}]${field === undefined ? "" : `.${field}`}`;
