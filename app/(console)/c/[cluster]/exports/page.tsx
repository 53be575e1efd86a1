import type { Metadata } from "next";
import { ExportHistory } from "@/components/preview/export-history";
import { listExports } from "@/lib/server/exports";
import { type ClusterRouteParams, loadPanelContext } from "@/lib/server/panel-page";

export const metadata: Metadata = { title: "Export history" };

export default async function ExportsPage({ params, searchParams }: { params: ClusterRouteParams; searchParams: Promise<{ page?: string }> }) {
  const { cluster, href, may } = await loadPanelContext(params);
  const { page } = await searchParams;
  const pageNo = Math.max(1, Number.parseInt(page ?? "1", 10) || 1);
  const history = await listExports(cluster.id, pageNo);
  return (
    <ExportHistory
      clusterName={cluster.name}
      compareAction={href("/exports/compare")}
      items={history.items}
      total={history.total}
      page={pageNo}
      canDownload={may("export.download")}
      canRestore={may("document.import")}
    />
  );
}
