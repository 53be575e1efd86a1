import { getSelectedCluster, listClusters } from "@/lib/server/clusters";
import { ClusterSwitcher } from "./cluster-switcher";

/** Loads the clusters for the shell's switcher, and the one last shown for the global pages. */
export async function ClusterSwitcherSlot() {
  const [clusters, lastShown] = await Promise.all([listClusters(), getSelectedCluster()]);
  return <ClusterSwitcher clusters={clusters.map(({ id, name }) => ({ id, name }))} lastShownId={lastShown.id} />;
}
