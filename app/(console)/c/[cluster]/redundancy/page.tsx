import type { Metadata } from "next";
import { RedundancyForm } from "@/components/clusters/cluster-settings-form";
import { ObjectChecks } from "@/components/diagnostics/object-checks";
import { ReadOnlyArea } from "@/components/ui/read-only-area";
import { getPageDiagnostics } from "@/lib/server/cluster-lint";
import { getClusterSettings } from "@/lib/server/cluster-settings";
import { loadPanelContext, type ClusterRouteParams } from "@/lib/server/panel-page";

export const metadata: Metadata = { title: "Redundancy" };

export default async function RedundancyPage({ params }: { params: ClusterRouteParams }) {
  const { cluster, may, readOnlyReason } = await loadPanelContext(params);
  const [detail, diagnostics] = await Promise.all([getClusterSettings(cluster.id), getPageDiagnostics(cluster.id, "/redundancy")]);
  const canEdit = may("cluster.write");
  return (
    <>
      <h1>Redundancy <span className="muted">· {cluster.name}</span></h1>
      <p className="muted">Serial number {detail.serialNo}.</p>
      <ReadOnlyArea reason={readOnlyReason("cluster.write")}>
        <RedundancyForm key={detail.id} detail={detail} canEdit={canEdit} />
      </ReadOnlyArea>
      <ObjectChecks diagnostics={diagnostics} what="router pair" />
    </>
  );
}
