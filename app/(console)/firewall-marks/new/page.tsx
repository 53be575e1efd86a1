import type { Metadata } from "next";
import Link from "next/link";
import { FirewallMarkForm } from "@/components/firewall-marks/firewall-mark-form";
import { ReadOnlyArea } from "@/components/ui/read-only-area";
import { loadPanelContext } from "@/lib/server/panel-page";

export const metadata: Metadata = { title: "New firewall-mark bundle" };

export default async function NewFirewallMarkPage({ searchParams }: { searchParams: Promise<{ preset?: string }> }) {
  const { preset } = await searchParams;
  const { cluster, may, readOnlyReason } = await loadPanelContext();
  const canEdit = may("firewallMark.write");
  return (
    <>
      <p><Link href="/firewall-marks">← Firewall marks</Link></p>
      <h1>New firewall-mark bundle <span className="muted">· {cluster.name}</span></h1>
      <ReadOnlyArea reason={readOnlyReason("firewallMark.write")}>
        <FirewallMarkForm mode="create" clusterId={cluster.id} canEdit={canEdit} presetId={preset} />
      </ReadOnlyArea>
    </>
  );
}
