import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { PreviewPanel } from "@/components/preview/preview-panel";
import { can } from "@/lib/server/auth/permissions";
import { verifySession } from "@/lib/server/auth/session";
import { getSelectedCluster } from "@/lib/server/clusters";
import { previewClusterPage } from "@/lib/server/preview";

export const metadata: Metadata = { title: "Preview & export" };

export default async function PreviewPage() {
  const user = await verifySession();
  const cluster = await getSelectedCluster();
  const preview = await previewClusterPage(cluster.id);
  if (!preview) notFound();
  return (
    <PreviewPanel
      preview={preview}
      canExport={can(user.role, "export.create")}
      canImport={can(user.role, "document.import")}
      canDownload={can(user.role, "export.download")}
    />
  );
}
