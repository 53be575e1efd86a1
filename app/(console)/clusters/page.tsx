import type { Metadata } from "next";
import { ClusterAdminRow, CreateClusterForm } from "@/components/clusters/cluster-admin";
import Link from "next/link";
import { clusterPath } from "@/lib/domain/links/cluster-path";
import { clusterRoleCan, clusterRoleOf } from "@/lib/server/auth/cluster-access";
import { can } from "@/lib/server/auth/permissions";
import { verifySession } from "@/lib/server/auth/session";
import { getSelectedCluster, listClusters } from "@/lib/server/clusters";
import { TableScroll } from "@/components/ui/table-scroll";

export const metadata: Metadata = { title: "Clusters" };

export default async function ClustersPage() {
  const user = await verifySession();
  const [selected, clusters] = await Promise.all([getSelectedCluster(), listClusters()]);
  const roles = await Promise.all(clusters.map((c) => clusterRoleOf(user, c.id)));
  const mayAdminister = (i: number) => clusterRoleCan(roles[i]!, "cluster.write");
  const isAdmin = can(user.role, "cluster.write");
  const anyAdmin = isAdmin || clusters.some((_, i) => mayAdminister(i));
  return (
    <>
      <h1>Clusters</h1>
      <p className="muted">Each cluster is an LVS router pair with its own pages at <code>/c/&lt;name&gt;</code>: open one here or with the switcher at the top.</p>
      <TableScroll label="Clusters">
        <table>
          <caption className="sr-only">Clusters</caption>
          <thead>
            <tr><th scope="col">Name</th><th scope="col">Serial number</th>{anyAdmin ? <th scope="col">Rename or delete</th> : null}</tr>
          </thead>
          <tbody>
            {clusters.map((c, i) => (
              <tr key={c.id}>
                <td><Link href={clusterPath(c)}>{c.name}</Link>{c.id === selected.id ? <span className="muted"> (last shown)</span> : null}</td>
                <td>{c.serialNo}</td>
                {anyAdmin ? <td>{mayAdminister(i) ? <ClusterAdminRow key={`${c.id}-${c.version}`} cluster={c} isOnly={clusters.length <= 1} /> : null}</td> : null}
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
      {isAdmin ? <CreateClusterForm /> : <p className="muted">Only administrators create, rename and delete clusters.</p>}
    </>
  );
}
