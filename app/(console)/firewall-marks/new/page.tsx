import type { Metadata } from "next";
import Link from "next/link";
import { FirewallMarkForm } from "@/components/firewall-marks/firewall-mark-form";
import { loadPanelContext } from "@/lib/server/panel-page";

export const metadata: Metadata = { title: "New firewall-mark bundle" };

export default async function NewFirewallMarkPage({ searchParams }: { searchParams: Promise<{ preset?: string }> }) {
  const { preset } = await searchParams;
  const { cluster, may } = await loadPanelContext();
  const canEdit = may("firewallMark.write");
  return (
    <>
      <p><Link href="/firewall-marks">← Firewall marks</Link></p>
      <h1>New firewall-mark bundle <span className="muted">· {cluster.name}</span></h1>
      {canEdit ? null : <p className="alert warning">Your role may view but not add bundles.</p>}
      <FirewallMarkForm mode="create" clusterId={cluster.id} canEdit={canEdit} presetId={preset} />
    </>
  );
}
