import type { Metadata } from "next";
import { PreviewPanel } from "@/components/preview/preview-panel";
import { loadPanelContext, type ClusterRouteParams } from "@/lib/server/panel-page";

export const metadata: Metadata = { title: "Preview & export" };

// The preview itself (lint and every renderer) comes from GET
// /api/clusters/ID/preview, so this page answers without rendering anything.
export default async function PreviewPage({ params }: { params: ClusterRouteParams }) {
  const { cluster, may } = await loadPanelContext(params);
  return (
    <PreviewPanel
      clusterId={cluster.id}
      clusterName={cluster.name}
      revision={`${cluster.serialNo}:${cluster.version}`}
      canExport={may("export.create")}
      canImport={may("document.import")}
      canDownload={may("export.download")}
    />
  );
}
