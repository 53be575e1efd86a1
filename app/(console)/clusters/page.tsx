import type { Metadata } from "next";
import { ClusterAdminRow, CreateClusterForm } from "@/components/clusters/cluster-admin";
import { listClusters } from "@/lib/server/clusters";
import { loadPanelContext } from "@/lib/server/panel-page";
import { TableScroll } from "@/components/ui/table-scroll";

export const metadata: Metadata = { title: "Clusters" };

export default async function ClustersPage() {
  const { cluster: selected, may } = await loadPanelContext();
  const clusters = await listClusters();
  const isAdmin = may("cluster.write");
  return (
    <>
      <h1>Clusters</h1>
      <p className="muted">Each cluster is an LVS router pair. Use the switcher at the top to choose the one the panels show.</p>
      <TableScroll label="Clusters">
        <table>
          <caption className="sr-only">Clusters</caption>
          <thead>
            <tr><th scope="col">Name</th><th scope="col">Serial number</th>{isAdmin ? <th scope="col">Rename or delete</th> : null}</tr>
          </thead>
          <tbody>
            {clusters.map((c) => (
              <tr key={c.id}>
                <td>{c.name}{c.id === selected.id ? <span className="muted"> (shown)</span> : null}</td>
                <td>{c.serialNo}</td>
                {isAdmin ? <td><ClusterAdminRow key={`${c.id}-${c.version}`} cluster={c} isOnly={clusters.length <= 1} /></td> : null}
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
      {isAdmin ? <CreateClusterForm /> : <p className="muted">Only administrators create, rename and delete clusters.</p>}
    </>
  );
}
