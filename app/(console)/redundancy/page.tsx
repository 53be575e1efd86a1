import type { Metadata } from "next";
import { RedundancyForm } from "@/components/clusters/cluster-settings-form";
import { getClusterSettings } from "@/lib/server/cluster-settings";
import { loadPanelContext } from "@/lib/server/panel-page";

export const metadata: Metadata = { title: "Redundancy" };

export default async function RedundancyPage() {
  const { cluster, may } = await loadPanelContext();
  const detail = await getClusterSettings(cluster.id);
  const canEdit = may("cluster.write");
  return (
    <>
      <h1>Redundancy <span className="muted">· {cluster.name}</span></h1>
      <p className="muted">Serial number {detail.serialNo}. {canEdit ? "" : "Only administrators change cluster settings."}</p>
      <RedundancyForm key={detail.id} detail={detail} canEdit={canEdit} />
    </>
  );
}
