import { fieldIdOf } from "../links/field-id";
import { parsePortSpecs, rangeContains } from "../model/ports";
import type { OverviewBundle, OverviewGroup, OverviewRealServer, OverviewVirtualServer } from "./build-overview";

/** One object a search found, with the page that shows it. */
export interface SearchHit { kind: "VIP" | "bundle" | "virtual server" | "real server"; name: string; detail: string; href: string }

// A query is a piece of a name or address, or a number: a mark or a port (inside a bundle's ranges too).
interface Matcher { text: string; number: number | null }

const matcherOf = (query: string): Matcher | null => {
  const text = query.trim().toLowerCase();
  if (!text) return null;
  return { text, number: /^\d{1,10}$/.test(text) ? Number(text) : null };
};

const has = (m: Matcher, ...values: string[]) => values.some((v) => v.toLowerCase().includes(m.text));

const bundleMatches = (m: Matcher, b: OverviewBundle) =>
  has(m, b.name) || (m.number !== null && (b.mark === m.number || parsePortSpecs(b.ports).some((r) => rangeContains(r, m.number!))));
const serviceMatches = (m: Matcher, v: OverviewVirtualServer) => has(m, v.name) || (m.number !== null && (v.port === m.number || v.firewallMark === m.number));
const realMatches = (m: Matcher, r: OverviewRealServer) => has(m, r.name, r.address) || (m.number !== null && r.port === m.number);

const servicesOf = (g: OverviewGroup) => [...g.bundles.flatMap((b) => b.virtualServers), ...g.virtualServers];

/** The VIP groups in which the query names something (the VIP, a bundle, a service or a real server); every group for an empty query. */
export function filterOverview(groups: readonly OverviewGroup[], query: string): OverviewGroup[] {
  const m = matcherOf(query);
  if (!m) return [...groups];
  return groups.filter((g) => has(m, g.vip) || g.bundles.some((b) => bundleMatches(m, b)) ||
    servicesOf(g).some((v) => serviceMatches(m, v) || v.realServers.some((r) => realMatches(m, r))));
}

/** Objects whose name, VIP, mark, port or address matches the query, exact ones first (`exact` counts them), at most `limit`. */
export function searchOverview(groups: readonly OverviewGroup[], query: string, limit = 50): { hits: SearchHit[]; more: boolean; exact: number } {
  const m = matcherOf(query);
  if (!m) return { hits: [], more: false, exact: 0 };
  const exact: SearchHit[] = [];
  const partial: SearchHit[] = [];
  const add = (hit: SearchHit, ...whole: string[]) => (whole.some((w) => w.toLowerCase() === m.text) ? exact : partial).push(hit);
  for (const g of groups) {
    if (has(m, g.vip)) add({ kind: "VIP", name: g.vip, detail: `${g.bundles.length} bundle(s), ${servicesOf(g).length} virtual server(s)`, href: `/?q=${encodeURIComponent(g.vip)}` }, g.vip);
    for (const b of g.bundles) {
      if (bundleMatches(m, b)) add({ kind: "bundle", name: b.name, detail: `mark ${b.mark}, ${b.protocol} ${b.ports.join(", ")} on ${g.vip}`, href: `/firewall-marks/${b.id}` }, b.name);
    }
    for (const v of servicesOf(g)) {
      if (serviceMatches(m, v)) add({ kind: "virtual server", name: v.name, detail: `${v.protocol} ${g.vip}:${v.port}${v.firewallMark === null ? "" : `, mark ${v.firewallMark}`}`, href: `/virtual-servers/${v.id}` }, v.name);
      for (const r of v.realServers) {
        if (realMatches(m, r)) add({ kind: "real server", name: r.name, detail: `${r.address}${r.port === null ? "" : `:${r.port}`} in virtual server ${v.name}`, href: `/virtual-servers/${v.id}#${fieldIdOf("name", `rs-${r.id}`)}` }, r.address, r.name);
      }
    }
  }
  const hits = [...exact, ...partial];
  return { hits: hits.slice(0, limit), more: hits.length > limit, exact: exact.length };
}

/** One page of a list (1-based, clamped to the pages that exist). */
export function pageOf<T>(items: readonly T[], requested: number, size: number): { items: T[]; page: number; pageCount: number } {
  const pageCount = Math.max(1, Math.ceil(items.length / size));
  const page = Math.min(pageCount, Math.max(1, Number.isSafeInteger(requested) ? requested : 1));
  return { items: items.slice((page - 1) * size, page * size), page, pageCount };
}
