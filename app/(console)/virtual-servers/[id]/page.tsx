import type { Metadata } from "next";
import Link from "next/link";
import { AddRealServerForm, RealServerRow } from "@/components/virtual-servers/real-server-row";
import { VirtualServerForm } from "@/components/virtual-servers/virtual-server-form";
import { ObjectChecks } from "@/components/diagnostics/object-checks";
import { ReadOnlyArea } from "@/components/ui/read-only-area";
import { getPageDiagnostics } from "@/lib/server/cluster-lint";
import { loadPanelContext, orNotFound, parseRouteId } from "@/lib/server/panel-page";
import { getVirtualServer } from "@/lib/server/virtual-servers";

export const metadata: Metadata = { title: "Edit virtual server" };

export default async function EditVirtualServerPage({ params }: { params: Promise<{ id: string }> }) {
  const id = parseRouteId((await params).id);
  const { may, readOnlyReason } = await loadPanelContext();
  const detail = await orNotFound(getVirtualServer(id));
  const diagnostics = await getPageDiagnostics(detail.clusterId, `/virtual-servers/${detail.id}`);
  const canEdit = may("virtualServer.write");
  return (
    <>
      <p><Link href="/virtual-servers">← Virtual servers</Link> · <Link href={`/?q=${encodeURIComponent(detail.values.name)}`}>Show in overview</Link></p>
      <h1>Virtual server {detail.values.name}</h1>
      <ReadOnlyArea reason={readOnlyReason("virtualServer.write")}>
        <VirtualServerForm key={`vs-${detail.id}`} mode="edit" detail={detail} canEdit={canEdit} />
        <ObjectChecks diagnostics={diagnostics} what="virtual server" />
        <section aria-labelledby="real-servers-heading">
          <h2 id="real-servers-heading" tabIndex={-1}>Real servers</h2>
          {detail.realServers.length === 0 ? <p>No real servers yet.</p> : null}
          {detail.realServers.map((r) => <RealServerRow key={r.id} detail={r} canEdit={canEdit} />)}
          {canEdit ? <AddRealServerForm virtualServerId={detail.id} /> : null}
        </section>
      </ReadOnlyArea>
    </>
  );
}
