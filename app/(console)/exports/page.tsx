import type { Metadata } from "next";
import { ExportHistory } from "@/components/preview/export-history";
import { can } from "@/lib/server/auth/permissions";
import { verifySession } from "@/lib/server/auth/session";
import { getSelectedCluster } from "@/lib/server/clusters";
import { listExports } from "@/lib/server/exports";

export const metadata: Metadata = { title: "Export history" };

export default async function ExportsPage({ searchParams }: { searchParams: Promise<{ page?: string }> }) {
  const user = await verifySession();
  const { page } = await searchParams;
  const pageNo = Math.max(1, Number.parseInt(page ?? "1", 10) || 1);
  const cluster = await getSelectedCluster();
  const history = await listExports(cluster.id, pageNo);
  return (
    <ExportHistory
      clusterName={cluster.name}
      items={history.items}
      total={history.total}
      page={pageNo}
      canDownload={can(user.role, "export.download")}
    />
  );
}
