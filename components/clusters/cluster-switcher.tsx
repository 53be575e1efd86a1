"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { useEffect, useRef } from "react";
import { clusterIdOfSegment, clusterPath, sectionPath, splitClusterPath } from "@/lib/domain/links/cluster-path";

/**
 * The cluster the page shows, and one link per visible cluster to the same panel
 * there: one click switches, and each cluster can be opened in its own tab.
 * On the global pages (users, account, clusters) it names the cluster last shown.
 */
export function ClusterSwitcher({ clusters, lastShownId }: { clusters: { id: number; name: string }[]; lastShownId: number }) {
  const pathname = usePathname();
  const route = splitClusterPath(pathname);
  const currentId = (route && clusterIdOfSegment(route.segment)) ?? lastShownId;
  const current = clusters.find((c) => c.id === currentId);
  const section = sectionPath(route?.rest ?? "/");
  const menu = useRef<HTMLDetailsElement>(null);
  // The menu closes once the chosen cluster's page is shown.
  useEffect(() => {
    if (menu.current) menu.current.open = false;
  }, [pathname]);
  return (
    <nav aria-label="Cluster switcher" className="cluster-switcher">
      <details ref={menu}>
        <summary>Cluster <strong>{current?.name ?? "—"}</strong></summary>
        <ul>
          {clusters.map((c) => (
            <li key={c.id}>
              <Link href={clusterPath(c, section)} aria-current={c.id === currentId ? "true" : undefined}>{c.name}</Link>
            </li>
          ))}
        </ul>
      </details>
      <Link href="/clusters">Manage clusters</Link>
    </nav>
  );
}
