import type { Metadata } from "next";
import { ClusterLink } from "@/components/ui/cluster-link";
import { notFound } from "next/navigation";
import { RestorePanel } from "@/components/exports/restore-panel";
import { previewExportRestore } from "@/lib/server/export-restore";
import { loadPanelContext, orNotFound, parseRouteId } from "@/lib/server/panel-page";

export const metadata: Metadata = { title: "Restore an export" };

export default async function RestoreExportPage({ params }: { params: Promise<{ cluster: string; id: string }> }) {
  const id = parseRouteId((await params).id);
  const { cluster, may } = await loadPanelContext(params);
  if (!may("document.import")) {
    return (
      <>
        <p><ClusterLink href="/exports">← Export history</ClusterLink></p>
        <h1>Restore export #{id}</h1>
        <p className="alert warning">Your role may view and compare exports but not restore them. Operators and administrators restore exports.</p>
      </>
    );
  }
  const preview = await orNotFound(previewExportRestore(id));
  // Restore acts on the selected cluster only, so the page never names one cluster while changing another.
  if (preview.clusterId !== cluster.id) notFound();
  const e = preview.export;
  return (
    <>
      <p><ClusterLink href="/exports">← Export history</ClusterLink></p>
      <h1>Restore export #{e.id} <span className="muted">· {cluster.name}</span></h1>
      <p>
        Export #{e.id}, serial {e.serialNo}, {e.createdAt.replace("T", " ").slice(0, 19)} UTC by {e.authorName}
        {e.comment ? <> — {e.comment}</> : null}. Restoring makes its content the cluster&apos;s content again, like an import; the serial
        number moves forward.
      </p>
      <RestorePanel preview={preview} clusterName={cluster.name} />
    </>
  );
}
