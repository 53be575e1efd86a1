import type { ComponentType } from "react";
import { ObjectChecks } from "@/components/diagnostics/object-checks";
import { ReadOnlyArea } from "@/components/ui/read-only-area";
import { getPageDiagnostics } from "@/lib/server/cluster-lint";
import { getClusterSettings, type ClusterSettingsDetail } from "@/lib/server/cluster-settings";
import { loadPanelContext, type ClusterRouteParams } from "@/lib/server/panel-page";

/** Global settings or Redundancy: one form over the cluster's settings, read-only below admin, with its findings. */
export async function ClusterSettingsPanel({ params, title, page, findingsAbout, Form }: {
  params: ClusterRouteParams;
  title: string;
  page: "/settings" | "/redundancy";
  /** What the page's findings are about: "router pair". */
  findingsAbout: string;
  Form: ComponentType<{ detail: ClusterSettingsDetail; canEdit: boolean }>;
}) {
  const { cluster, may, readOnlyReason } = await loadPanelContext(params);
  const [detail, diagnostics] = await Promise.all([getClusterSettings(cluster.id), getPageDiagnostics(cluster.id, page)]);
  return (
    <>
      <h1>{title} <span className="muted">· {cluster.name}</span></h1>
      <p className="muted">Serial number {detail.serialNo}.</p>
      <ReadOnlyArea reason={readOnlyReason("cluster.write")}>
        <Form key={detail.id} detail={detail} canEdit={may("cluster.write")} />
      </ReadOnlyArea>
      <ObjectChecks diagnostics={diagnostics} what={findingsAbout} />
    </>
  );
}
