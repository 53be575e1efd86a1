import { redirect } from "next/navigation";
import { clusterPath } from "@/lib/domain/links/cluster-path";
import { getSelectedCluster } from "@/lib/server/clusters";

/** `/` is the dashboard of the cluster last shown. */
export default async function Home() {
  redirect(clusterPath(await getSelectedCluster()));
}
