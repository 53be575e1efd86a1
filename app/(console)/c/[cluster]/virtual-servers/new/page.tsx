import type { Metadata } from "next";
import { ClusterLink } from "@/components/ui/cluster-link";
import { VirtualServerForm } from "@/components/virtual-servers/virtual-server-form";
import { ReadOnlyArea } from "@/components/ui/read-only-area";
import { loadPanelContext, type ClusterRouteParams } from "@/lib/server/panel-page";

export const metadata: Metadata = { title: "New virtual server" };

export default async function NewVirtualServerPage({ params }: { params: ClusterRouteParams }) {
  const { cluster, may, readOnlyReason } = await loadPanelContext(params);
  const canEdit = may("virtualServer.write");
  return (
    <>
      <p><ClusterLink href="/virtual-servers">← Virtual servers</ClusterLink></p>
      <h1>New virtual server <span className="muted">· {cluster.name}</span></h1>
      <ReadOnlyArea reason={readOnlyReason("virtualServer.write")}>
        <VirtualServerForm
          mode="create"
          clusterId={cluster.id}
          canEdit={canEdit}
          initial={{
            name: "", active: true, vip: "", protocol: "tcp", scheduler: "wlc", persistence: { timeoutSeconds: 0 },
            reentrySeconds: 15, serviceTimeoutSeconds: 6, quiesceServer: false, loadMonitor: "none", monitor: { expectIsRegex: false },
          }}
        />
      </ReadOnlyArea>
    </>
  );
}
