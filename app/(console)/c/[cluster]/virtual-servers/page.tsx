import type { Metadata } from "next";
import { ClusterLink } from "@/components/ui/cluster-link";
import { VirtualServerTable } from "@/components/virtual-servers/virtual-server-table";
import { Pager } from "@/components/ui/pager";
import { type ClusterRouteParams, loadPanelContext } from "@/lib/server/panel-page";
import { listVirtualServers } from "@/lib/server/virtual-servers";

export const metadata: Metadata = { title: "Virtual servers" };

export default async function VirtualServersPage({ params, searchParams }: { params: ClusterRouteParams; searchParams: Promise<{ page?: string; q?: string }> }) {
  const { page, q } = await searchParams;
  const { cluster, href, may } = await loadPanelContext(params);
  const list = await listVirtualServers(cluster.id, { page: Number(page ?? 1), q: typeof q === "string" ? q : "" });
  const canEdit = may("virtualServer.write");
  return (
    <>
      <h1>Virtual servers <span className="muted">· {cluster.name}</span></h1>
      <div style={{ display: "flex", gap: "1rem", alignItems: "flex-end", flexWrap: "wrap", marginBottom: "1rem" }}>
        <form role="search" action={href("/virtual-servers")} method="get" style={{ display: "flex", gap: ".5rem", alignItems: "flex-end" }}>
          <div className="field" style={{ margin: 0 }}>
            <label htmlFor="vs-search">Search by name, VIP or mark</label>
            <input id="vs-search" name="q" type="search" defaultValue={list.q} />
          </div>
          <button type="submit" className="secondary">Search</button>
        </form>
        {canEdit ? <ClusterLink className="button" href="/virtual-servers/new">Add virtual server</ClusterLink> : null}
      </div>
      <p className="muted" aria-live="polite">
        {list.total} virtual server{list.total === 1 ? "" : "s"}{list.q ? ` matching “${list.q}”` : ""}.
      </p>
      <VirtualServerTable rows={list.rows} canEdit={canEdit} />
      <Pager basePath="/virtual-servers" page={list.page} pageCount={list.pageCount} q={list.q} label="Virtual server pages" />
    </>
  );
}
