import type { Metadata } from "next";
import { ClusterLink } from "@/components/ui/cluster-link";
import { CreatedNotice } from "@/components/ui/created-notice";
import { CloneVirtualServerForm } from "@/components/virtual-servers/clone-virtual-server-form";
import { AddRealServerForm } from "@/components/virtual-servers/real-server-row";
import { RealServerTable } from "@/components/virtual-servers/real-server-table";
import { VirtualServerForm } from "@/components/virtual-servers/virtual-server-form";
import { ObjectChecks } from "@/components/diagnostics/object-checks";
import { ReadOnlyArea } from "@/components/ui/read-only-area";
import { findBundleOfVirtualServer } from "@/lib/server/bundle-of-virtual-server";
import { getPageDiagnostics } from "@/lib/server/cluster-lint";
import { inCluster, loadPanelContext, orNotFound, parseRouteId } from "@/lib/server/panel-page";
import { getVirtualServer, type VirtualServerDetail } from "@/lib/server/virtual-servers";

export const metadata: Metadata = { title: "Edit virtual server" };

/** What the page confirms after a create, a create from a bundle or a clone landed here. */
function createdText(detail: VirtualServerDetail, created?: string, from?: string): string | null {
  const { name, firewallMark } = detail.values;
  const rs = detail.realServers.length;
  if (created === "clone") return `Cloned virtual server ${from ?? ""} as ${name}, with ${rs} real server${rs === 1 ? "" : "s"}. You are editing the copy.`;
  if (created === "bundle") return `Created virtual server ${name} on mark ${firewallMark}. Next: add its real servers below.`;
  if (created) return `Created virtual server ${name}. Next: add its real servers below.`;
  return null;
}

export default async function EditVirtualServerPage({ params, searchParams }: {
  params: Promise<{ cluster: string; id: string }>; searchParams: Promise<{ created?: string; from?: string }>;
}) {
  const id = parseRouteId((await params).id);
  const { created, from } = await searchParams;
  const { cluster, may, readOnlyReason } = await loadPanelContext(params);
  // An object of another cluster is not part of this cluster's pages.
  const detail = inCluster(await orNotFound(getVirtualServer(id)), cluster);
  const bundle = await findBundleOfVirtualServer(detail.clusterId, detail.values);
  const diagnostics = await getPageDiagnostics(detail.clusterId, `/virtual-servers/${detail.id}`, { virtualServerId: detail.id });
  const canEdit = may("virtualServer.write");
  const mark = detail.values.firewallMark;
  return (
    <>
      <p><ClusterLink href="/virtual-servers">← Virtual servers</ClusterLink> · <ClusterLink href={`/?q=${encodeURIComponent(detail.values.name)}`}>Show in overview</ClusterLink></p>
      <h1>Virtual server {detail.values.name}</h1>
      <CreatedNotice text={createdText(detail, created, from?.slice(0, 31))} />
      {mark === undefined ? null : (
        <p>
          Firewall mark {mark}:{" "}
          {bundle ? <ClusterLink href={`/firewall-marks/${bundle.id}`}>bundle {bundle.name}</ClusterLink> : <span className="error">no bundle marks these packets yet</span>}
        </p>
      )}
      <ReadOnlyArea reason={readOnlyReason("virtualServer.write")}>
        <section aria-labelledby="real-servers-heading">
          <h2 id="real-servers-heading" tabIndex={-1}>Real servers</h2>
          {detail.realServers.length === 0 ? <p>No real servers yet.</p> : (
            <RealServerTable virtualServerId={detail.id} rows={detail.realServers} canEdit={canEdit} />
          )}
          {canEdit ? <AddRealServerForm virtualServerId={detail.id} virtualServerName={detail.values.name} /> : null}
        </section>
        <VirtualServerForm key={`vs-${detail.id}`} mode="edit" detail={detail} canEdit={canEdit} />
        <ObjectChecks diagnostics={diagnostics} what="virtual server" />
      </ReadOnlyArea>
      {canEdit ? <CloneVirtualServerForm id={detail.id} name={detail.values.name} /> : null}
    </>
  );
}
