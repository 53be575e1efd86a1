import type { Metadata } from "next";
import { GlobalSettingsForm } from "@/components/clusters/cluster-settings-form";
import { ObjectChecks } from "@/components/diagnostics/object-checks";
import { ReadOnlyArea } from "@/components/ui/read-only-area";
import { getPageDiagnostics } from "@/lib/server/cluster-lint";
import { getClusterSettings } from "@/lib/server/cluster-settings";
import { loadPanelContext, type ClusterRouteParams } from "@/lib/server/panel-page";

export const metadata: Metadata = { title: "Global settings" };

export default async function GlobalSettingsPage({ params }: { params: ClusterRouteParams }) {
  const { cluster, may, readOnlyReason } = await loadPanelContext(params);
  const [detail, diagnostics] = await Promise.all([getClusterSettings(cluster.id), getPageDiagnostics(cluster.id, "/settings")]);
  const canEdit = may("cluster.write");
  return (
    <>
      <h1>Global settings <span className="muted">· {cluster.name}</span></h1>
      <p className="muted">Serial number {detail.serialNo}.</p>
      <ReadOnlyArea reason={readOnlyReason("cluster.write")}>
        <GlobalSettingsForm key={detail.id} detail={detail} canEdit={canEdit} />
      </ReadOnlyArea>
      <ObjectChecks diagnostics={diagnostics} what="cluster's global settings" />
    </>
  );
}
