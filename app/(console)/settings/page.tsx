import type { Metadata } from "next";
import { GlobalSettingsForm } from "@/components/clusters/cluster-settings-form";
import { getClusterSettings } from "@/lib/server/cluster-settings";
import { loadPanelContext } from "@/lib/server/panel-page";

export const metadata: Metadata = { title: "Global settings" };

export default async function GlobalSettingsPage() {
  const { cluster, may } = await loadPanelContext();
  const detail = await getClusterSettings(cluster.id);
  const canEdit = may("cluster.write");
  return (
    <>
      <h1>Global settings <span className="muted">· {cluster.name}</span></h1>
      <p className="muted">Serial number {detail.serialNo}. {canEdit ? "" : "Only administrators change cluster settings."}</p>
      <GlobalSettingsForm key={detail.id} detail={detail} canEdit={canEdit} />
    </>
  );
}
