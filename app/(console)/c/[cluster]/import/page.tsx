import type { Metadata } from "next";
import { DocumentImportForm } from "@/components/import/document-import-form";
import { ImportPanel } from "@/components/import/import-panel";
import { loadPanelContext, type ClusterRouteParams } from "@/lib/server/panel-page";

export const metadata: Metadata = { title: "Import" };

export default async function ImportPage({ params }: { params: ClusterRouteParams }) {
  const { cluster, may } = await loadPanelContext(params);
  const canImport = may("document.import");
  return (
    <>
      <h1>Import <span className="muted">· {cluster.name}</span></h1>
      <p className="muted">
        Bring a running router in: Piranha&apos;s lvs.cf, keepalived.conf (with the files it includes), ipvsadm -Sn output or
        scripts, iptables-save output or iptables commands, nft list ruleset — or a JSON interchange document. Nothing is written
        before you have seen what the cluster will become.
      </p>
      {canImport
        ? (
          <>
            <ImportPanel clusterId={cluster.id} clusterName={cluster.name} isAdmin={may("cluster.write")} />
            <DocumentImportForm clusterId={cluster.id} clusterName={cluster.name} />
          </>
        )
        : <p className="alert warning">Your role may view but not import. Operators and administrators import router files.</p>}
    </>
  );
}
