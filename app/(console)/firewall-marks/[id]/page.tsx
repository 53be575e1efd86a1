import type { Metadata } from "next";
import Link from "next/link";
import { BundleActions } from "@/components/firewall-marks/bundle-actions";
import { FirewallMarkForm } from "@/components/firewall-marks/firewall-mark-form";
import { ObjectChecks } from "@/components/diagnostics/object-checks";
import { ReadOnlyArea } from "@/components/ui/read-only-area";
import { getPageDiagnostics } from "@/lib/server/cluster-lint";
import { getFirewallMark } from "@/lib/server/firewall-marks";
import { loadPanelContext, orNotFound, parseRouteId } from "@/lib/server/panel-page";

export const metadata: Metadata = { title: "Edit firewall-mark bundle" };

export default async function EditFirewallMarkPage({ params }: { params: Promise<{ id: string }> }) {
  const id = parseRouteId((await params).id);
  const { may, readOnlyReason } = await loadPanelContext();
  const detail = await orNotFound(getFirewallMark(id));
  const diagnostics = await getPageDiagnostics(detail.clusterId, `/firewall-marks/${detail.id}`);
  const canEdit = may("firewallMark.write");
  return (
    <>
      <p><Link href="/firewall-marks">← Firewall marks</Link> · <Link href={`/?q=${encodeURIComponent(detail.values.name)}`}>Show in overview</Link></p>
      <h1>Bundle {detail.values.name} <span className="muted">(mark {detail.values.mark}, {detail.family})</span></h1>
      <p>
        Used by:{" "}
        {detail.usedBy.length === 0 ? "no virtual server yet" : detail.usedBy.map((u, i) => (
          <span key={u.id}>{i > 0 ? ", " : ""}<Link href={`/virtual-servers/${u.id}`}>{u.name}</Link></span>
        ))}
      </p>
      {canEdit || may("virtualServer.write") ? (
        <BundleActions id={detail.id} version={detail.version} name={detail.values.name} mark={detail.values.mark} usedBy={detail.usedBy}
          canCreateVirtualServer={may("virtualServer.write")} canDelete={canEdit} />
      ) : null}
      <ReadOnlyArea reason={readOnlyReason("firewallMark.write")}>
        <FirewallMarkForm key={`fm-${detail.id}`} mode="edit" detail={detail} canEdit={canEdit} />
      </ReadOnlyArea>
      <ObjectChecks diagnostics={diagnostics} what="bundle" />
    </>
  );
}
