import type { Metadata } from "next";
import { ClusterLink } from "@/components/ui/cluster-link";
import { BundleActions } from "@/components/firewall-marks/bundle-actions";
import { CreateFromBundleForm } from "@/components/firewall-marks/create-from-bundle-form";
import { FirewallMarkForm } from "@/components/firewall-marks/firewall-mark-form";
import { ObjectChecks } from "@/components/diagnostics/object-checks";
import { CreatedNotice } from "@/components/ui/created-notice";
import { ReadOnlyArea } from "@/components/ui/read-only-area";
import { getPageDiagnostics } from "@/lib/server/cluster-lint";
import { getFirewallMark } from "@/lib/server/firewall-marks";
import { inCluster, loadPanelContext, orNotFound, parseRouteId } from "@/lib/server/panel-page";

export const metadata: Metadata = { title: "Edit firewall-mark bundle" };

export default async function EditFirewallMarkPage({ params, searchParams }: {
  params: Promise<{ cluster: string; id: string }>; searchParams: Promise<{ created?: string }>;
}) {
  const id = parseRouteId((await params).id);
  const { created } = await searchParams;
  const { cluster, may, readOnlyReason } = await loadPanelContext(params);
  // An object of another cluster is not part of this cluster's pages.
  const detail = inCluster(await orNotFound(getFirewallMark(id)), cluster);
  const diagnostics = await getPageDiagnostics(detail.clusterId, `/firewall-marks/${detail.id}`, { firewallMarkId: detail.id });
  const canEdit = may("firewallMark.write");
  const canCreateVs = may("virtualServer.write");
  const { name, mark } = detail.values;
  return (
    <>
      <p><ClusterLink href="/firewall-marks">← Firewall marks</ClusterLink> · <ClusterLink href={`/?q=${encodeURIComponent(name)}`}>Show in overview</ClusterLink></p>
      <h1>Bundle {name} <span className="muted">(mark {mark}, {detail.family})</span></h1>
      <CreatedNotice text={created ? `Created bundle ${name} (mark ${mark}). Next: its virtual server, below.` : null} />
      <p>
        Virtual servers on this mark:{" "}
        {detail.usedBy.length === 0 ? "none yet" : detail.usedBy.map((u, i) => (
          <span key={u.id}>{i > 0 ? ", " : ""}<ClusterLink href={`/virtual-servers/${u.id}`}>{u.name}</ClusterLink></span>
        ))}
      </p>
      {canEdit ? (
        <BundleActions id={detail.id} version={detail.version} name={name} mark={mark} usedBy={detail.usedBy}
          canCreateVirtualServer={false} canDelete={canEdit} />
      ) : null}
      {canCreateVs ? (
        <CreateFromBundleForm bundleId={detail.id} bundleName={detail.usedBy.length ? `${name}-2`.slice(0, 31) : name} mark={mark} portCount={detail.values.ports.length} />
      ) : null}
      <ReadOnlyArea reason={readOnlyReason("firewallMark.write")}>
        <FirewallMarkForm key={`fm-${detail.id}`} mode="edit" detail={detail} canEdit={canEdit} />
      </ReadOnlyArea>
      <ObjectChecks diagnostics={diagnostics} what="bundle" />
    </>
  );
}
