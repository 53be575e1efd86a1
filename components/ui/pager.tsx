import { ClusterLink } from "@/components/ui/cluster-link";

/** Previous/next links for a server-side paginated list, keeping the search query. */
export function Pager({ basePath, page, pageCount, q, label }: { basePath: string; page: number; pageCount: number; q: string; label: string }) {
  const href = (p: number) => {
    const params = new URLSearchParams();
    if (q) params.set("q", q);
    if (p > 1) params.set("page", String(p));
    const query = params.toString();
    return query ? `${basePath}?${query}` : basePath;
  };
  return (
    <nav aria-label={label} style={{ display: "flex", gap: "1rem", alignItems: "center", margin: "1rem 0" }}>
      {page > 1 ? <ClusterLink href={href(page - 1)} rel="prev">Previous page</ClusterLink> : <span className="muted">Previous page</span>}
      <span>Page {page} of {pageCount}</span>
      {page < pageCount ? <ClusterLink href={href(page + 1)} rel="next">Next page</ClusterLink> : <span className="muted">Next page</span>}
    </nav>
  );
}
