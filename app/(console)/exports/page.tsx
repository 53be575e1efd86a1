import type { Metadata } from "next";
import { ExportHistory } from "@/components/preview/export-history";
import { listExports } from "@/lib/server/exports";
import { loadPanelContext } from "@/lib/server/panel-page";

export const metadata: Metadata = { title: "Export history" };

export default async function ExportsPage({ searchParams }: { searchParams: Promise<{ page?: string }> }) {
  const { cluster, may } = await loadPanelContext();
  const { page } = await searchParams;
  const pageNo = Math.max(1, Number.parseInt(page ?? "1", 10) || 1);
  const history = await listExports(cluster.id, pageNo);
  return (
    <ExportHistory
      clusterName={cluster.name}
      items={history.items}
      total={history.total}
      page={pageNo}
      canDownload={may("export.download")}
      canRestore={may("document.import")}
    />
  );
}
