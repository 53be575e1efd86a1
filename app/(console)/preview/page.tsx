import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { PreviewPanel } from "@/components/preview/preview-panel";
import { loadPanelContext } from "@/lib/server/panel-page";
import { previewClusterPage } from "@/lib/server/preview";

export const metadata: Metadata = { title: "Preview & export" };

export default async function PreviewPage() {
  const { cluster, may } = await loadPanelContext();
  const preview = await previewClusterPage(cluster.id);
  if (!preview) notFound();
  return (
    <PreviewPanel
      preview={preview}
      canExport={may("export.create")}
      canImport={may("document.import")}
      canDownload={may("export.download")}
    />
  );
}
