import type { Metadata } from "next";
import { ClusterLink } from "@/components/ui/cluster-link";
import { FirewallMarkForm } from "@/components/firewall-marks/firewall-mark-form";
import { ReadOnlyArea } from "@/components/ui/read-only-area";
import { type ClusterRouteParams, loadPanelContext } from "@/lib/server/panel-page";

export const metadata: Metadata = { title: "New firewall-mark bundle" };

export default async function NewFirewallMarkPage({ params, searchParams }: { params: ClusterRouteParams; searchParams: Promise<{ preset?: string }> }) {
  const { preset } = await searchParams;
  const { cluster, may, readOnlyReason } = await loadPanelContext(params);
  const canEdit = may("firewallMark.write");
  return (
    <>
      <p><ClusterLink href="/firewall-marks">← Firewall marks</ClusterLink></p>
      <h1>New firewall-mark bundle <span className="muted">· {cluster.name}</span></h1>
      <ReadOnlyArea reason={readOnlyReason("firewallMark.write")}>
        <FirewallMarkForm mode="create" clusterId={cluster.id} canEdit={canEdit} presetId={preset} />
      </ReadOnlyArea>
    </>
  );
}
