import { getSelectedCluster, listClusters } from "@/lib/server/clusters";
import { ClusterSwitcher } from "./cluster-switcher";

/** Loads the clusters for the shell's switcher. */
export async function ClusterSwitcherSlot() {
  const [clusters, selected] = await Promise.all([listClusters(), getSelectedCluster()]);
  return <ClusterSwitcher key={selected.id} clusters={clusters.map(({ id, name }) => ({ id, name }))} selectedId={selected.id} />;
}
