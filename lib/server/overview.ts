import "server-only";
import { buildOverview, type OverviewGroup } from "@/lib/domain/overview/build-overview";
import { filterOverview, pageOf, searchOverview, type SearchHit } from "@/lib/domain/overview/search-overview";
import { requireClusterPermission } from "./auth/cluster-access";
import { readLintedSnapshot } from "./cluster-lint";
import { directoryOf } from "./diagnostic-links";

/** VIP groups per overview page: a page stays small however many services the cluster holds. */
export const OVERVIEW_PAGE_SIZE = 20;

/** One page of the overview, filtered by a query. */
export interface OverviewPage { groups: OverviewGroup[]; q: string; page: number; pageCount: number; matchingGroups: number; totalGroups: number }

async function loadGroups(clusterId: number): Promise<OverviewGroup[]> {
  const linted = await readLintedSnapshot(clusterId);
  return linted ? buildOverview(linted.snapshot.doc, directoryOf(linted.snapshot), linted.diagnostics) : [];
}

/** The cluster as VIP → bundle → virtual servers → real servers with lint state, filtered by `q`, one page. */
export async function getOverview(clusterId: number, options: { q?: string; page?: number } = {}): Promise<OverviewPage> {
  await requireClusterPermission(clusterId, "cluster.read");
  const all = await loadGroups(clusterId);
  const q = (options.q ?? "").slice(0, 200);
  const matching = filterOverview(all, q);
  const { items, page, pageCount } = pageOf(matching, options.page ?? 1, OVERVIEW_PAGE_SIZE);
  return { groups: items, q, page, pageCount, matchingGroups: matching.length, totalGroups: all.length };
}

/** Objects of a cluster matching a name, VIP, mark, port or real-server address (the header's search). */
export async function searchCluster(clusterId: number, q: string): Promise<{ q: string; hits: SearchHit[]; more: boolean; exact: number }> {
  await requireClusterPermission(clusterId, "cluster.read");
  const query = q.slice(0, 200);
  return { q: query, ...searchOverview(await loadGroups(clusterId), query) };
}
