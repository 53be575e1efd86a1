import { notFound, redirect } from "next/navigation";
import { clusterPath, isClusterSection } from "@/lib/domain/links/cluster-path";
import { getSelectedCluster } from "@/lib/server/clusters";

/**
 * Addresses from before the cluster was part of the URL (`/virtual-servers/7`,
 * bookmarks and notes) lead to the same page of the cluster last shown, query
 * kept. Anything else is a 404.
 */
export default async function LegacyClusterPage({ params, searchParams }: {
  params: Promise<{ legacy: string[] }>; searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const segments = (await params).legacy;
  if (!isClusterSection(segments)) notFound();
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(await searchParams)) {
    for (const v of Array.isArray(value) ? value : value === undefined ? [] : [value]) query.append(key, v);
  }
  const search = query.size > 0 ? `?${query.toString()}` : "";
  redirect(clusterPath(await getSelectedCluster(), `/${segments.map(encodeURIComponent).join("/")}${search}`));
}
