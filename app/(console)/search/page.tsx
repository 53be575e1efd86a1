import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { loadPanelContext } from "@/lib/server/panel-page";
import { searchCluster } from "@/lib/server/overview";

export const metadata: Metadata = { title: "Search" };

export default async function SearchPage({ searchParams }: { searchParams: Promise<{ q?: string }> }) {
  const { q } = await searchParams;
  const { cluster } = await loadPanelContext();
  const result = await searchCluster(cluster.id, typeof q === "string" ? q : "");
  // One match, or one object named exactly so: go straight to it.
  if (result.hits.length === 1 || result.exact === 1) redirect(result.hits[0]!.href);
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
              {h.kind} <Link href={h.href}>{h.name}</Link> <span className="muted">· {h.detail}</span>
            </li>
          ))}
        </ul>
      ) : null}
      {result.more ? <p className="muted">Only the first {result.hits.length} are listed; narrow the search, or <Link href={`/?q=${encodeURIComponent(result.q)}`}>filter the overview</Link>.</p> : null}
    </>
  );
}
