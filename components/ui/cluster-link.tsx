"use client";

import Link from "next/link";
import { useParams } from "next/navigation";
import type { ComponentProps } from "react";
import { clusterPath } from "@/lib/domain/links/cluster-path";

/** The cluster segment of the URL (`7-edge-1` in `/c/7-edge-1/…`), or null on the console's global pages. */
export function useRouteCluster(): string | null {
  return useParams<{ cluster?: string }>().cluster ?? null;
}

/**
 * Turns a cluster-relative path ("/virtual-servers/7") into this page's cluster's
 * URL. Outside a cluster's pages the path stays as it is: the console redirects it
 * to the cluster last shown.
 */
export function useClusterHref(): (path?: string) => string {
  const cluster = useRouteCluster();
  return (path = "/") => (cluster === null ? path : clusterPath(cluster, path));
}

/** A link to a cluster-relative path in the cluster of the current page. */
export function ClusterLink({ href, ...rest }: Omit<ComponentProps<typeof Link>, "href"> & { href: string }) {
  const to = useClusterHref();
  return <Link href={to(href)} {...rest} />;
}
