import type { Metadata } from "next";
import Link from "next/link";
import { AddRealServerForm, RealServerRow } from "@/components/virtual-servers/real-server-row";
import { VirtualServerForm } from "@/components/virtual-servers/virtual-server-form";
import { loadPanelContext, orNotFound, parseRouteId } from "@/lib/server/panel-page";
import { getVirtualServer } from "@/lib/server/virtual-servers";

export const metadata: Metadata = { title: "Edit virtual server" };

export default async function EditVirtualServerPage({ params }: { params: Promise<{ id: string }> }) {
  const id = parseRouteId((await params).id);
  const { may } = await loadPanelContext();
  const detail = await orNotFound(getVirtualServer(id));
  const canEdit = may("virtualServer.write");
  return (
    <>
      <p><Link href="/virtual-servers">← Virtual servers</Link></p>
      <h1>Virtual server {detail.values.name}</h1>
      <VirtualServerForm key={`vs-${detail.id}`} mode="edit" detail={detail} canEdit={canEdit} />
      <section aria-labelledby="real-servers-heading">
        <h2 id="real-servers-heading">Real servers</h2>
        {detail.realServers.length === 0 ? <p>No real servers yet.</p> : null}
        {detail.realServers.map((r) => <RealServerRow key={r.id} detail={r} canEdit={canEdit} />)}
        {canEdit ? <AddRealServerForm virtualServerId={detail.id} /> : null}
      </section>
    </>
  );
}
