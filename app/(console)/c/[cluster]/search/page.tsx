import type { Metadata } from "next";
import { ClusterLink } from "@/components/ui/cluster-link";
import { redirect } from "next/navigation";
import { type ClusterRouteParams, loadPanelContext } from "@/lib/server/panel-page";
import { searchCluster } from "@/lib/server/overview";

export const metadata: Metadata = { title: "Search" };

export default async function SearchPage({ params, searchParams }: { params: ClusterRouteParams; searchParams: Promise<{ q?: string }> }) {
  const { q } = await searchParams;
  const { cluster, href } = await loadPanelContext(params);
  const result = await searchCluster(cluster.id, typeof q === "string" ? q : "");
  // One match, or one object named exactly so: go straight to it.
  if (result.hits.length === 1 || result.exact === 1) redirect(href(result.hits[0]!.href));
  return (
    <>
      <h1>Search <span className="muted">· {cluster.name}</span></h1>
      <p aria-live="polite">
        {result.q === "" ? "Type a name, VIP, mark, port or real-server address in the search box above." :
          `${result.hits.length}${result.more ? "+" : ""} match${result.hits.length === 1 ? "" : "es"} for “${result.q}”.`}
      </p>
      {result.hits.length > 0 ? (
        <ul className="search-hits">
          {result.hits.map((h) => (
            <li key={`${h.kind}-${h.href}`}>
              {h.kind} <ClusterLink href={h.href}>{h.name}</ClusterLink> <span className="muted">· {h.detail}</span>
            </li>
          ))}
        </ul>
      ) : null}
      {result.more ? <p className="muted">Only the first {result.hits.length} are listed; narrow the search, or <ClusterLink href={`/?q=${encodeURIComponent(result.q)}`}>filter the overview</ClusterLink>.</p> : null}
    </>
  );
}
