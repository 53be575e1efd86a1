import { notFound } from "next/navigation";
import type { ReactNode } from "react";
import { CanonicalClusterUrl } from "@/components/clusters/canonical-cluster-url";
import { RememberCluster } from "@/components/clusters/remember-cluster";
import { clusterSegment } from "@/lib/domain/links/cluster-path";
import { findVisibleCluster, isLastShownCluster } from "@/lib/server/clusters";

/**
 * Every page of one cluster: `/c/<id>-<name>/…`. A cluster the user may not see,
 * or none with that id, is a 404 like any other missing page.
 */
export default async function ClusterLayout({ children, params }: { children: ReactNode; params: Promise<{ cluster: string }> }) {
  const segment = (await params).cluster;
  const cluster = (await findVisibleCluster(segment)) ?? notFound();
  const canonical = clusterSegment(cluster);
  return (
    <>
      {(await isLastShownCluster(cluster.id)) ? null : <RememberCluster clusterId={cluster.id} />}
      {segment === canonical ? null : <CanonicalClusterUrl segment={canonical} />}
      {children}
    </>
  );
}
