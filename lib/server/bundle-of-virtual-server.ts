import "server-only";
import { requireClusterPermission } from "./auth/cluster-access";
import { db } from "./db";
import { markFamilyKey } from "./stored-values";

/** The bundle a firewall-mark virtual server takes its packets from (same mark and address family), or null. */
export async function findBundleOfVirtualServer(
  clusterId: number, values: { firewallMark?: number; vip: string },
): Promise<{ id: number; name: string } | null> {
  await requireClusterPermission(clusterId, "cluster.read");
  if (values.firewallMark === undefined) return null;
  return db.firewallMarkBundle.findFirst({
    where: { clusterId, ...markFamilyKey(values.firewallMark, values.vip) }, select: { id: true, name: true },
  });
}
