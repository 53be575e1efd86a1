import type { Metadata } from "next";
import Link from "next/link";
import { VirtualServerForm } from "@/components/virtual-servers/virtual-server-form";
import { ReadOnlyArea } from "@/components/ui/read-only-area";
import { loadPanelContext } from "@/lib/server/panel-page";

export const metadata: Metadata = { title: "New virtual server" };

export default async function NewVirtualServerPage() {
  const { cluster, may, readOnlyReason } = await loadPanelContext();
  const canEdit = may("virtualServer.write");
  return (
    <>
      <p><Link href="/virtual-servers">← Virtual servers</Link></p>
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
