"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { clusterPath, splitClusterPath, type ClusterRef } from "@/lib/domain/links/cluster-path";
import { useRouteCluster } from "@/components/ui/cluster-link";

/** The console's panels, in Piranha's order plus what Piranha lacked; cluster panels live under `/c/<cluster>`. */
export const PANELS = [
  { href: "/", label: "Control/Monitoring", cluster: true },
  { href: "/settings", label: "Global settings", cluster: true },
  { href: "/redundancy", label: "Redundancy", cluster: true },
  { href: "/virtual-servers", label: "Virtual servers", cluster: true },
  { href: "/firewall-marks", label: "Firewall marks", cluster: true },
  { href: "/preview", label: "Preview & export", cluster: true },
  { href: "/exports", label: "Export history", cluster: true },
  { href: "/import", label: "Import", cluster: true },
  { href: "/drift", label: "Router drift", cluster: true },
  { href: "/users", label: "Users", cluster: false, adminOnly: true },
  { href: "/audit", label: "Audit log", cluster: false, adminOnly: true },
] as const;

/**
 * Side navigation of the console shell; marks the current panel for assistive
 * technology. Cluster panels link into the page's cluster, or on the global
 * pages into the cluster last shown.
 */
export function ConsoleNav({ isAdmin, lastShown }: { isAdmin: boolean; lastShown: ClusterRef }) {
  const pathname = usePathname();
  const routeCluster = useRouteCluster();
  const rest = splitClusterPath(pathname)?.rest ?? null;
  const isCurrent = (p: (typeof PANELS)[number]) => {
    if (!p.cluster) return pathname.startsWith(p.href);
    if (rest === null) return false;
    return p.href === "/" ? rest === "/" : rest.startsWith(p.href);
  };
  return (
    <nav className="shell-nav" aria-label="Console panels">
      <div className="shell-brand">LVS Console</div>
      {PANELS.filter((p) => !("adminOnly" in p) || isAdmin).map((p) => (
        <Link key={p.href} href={p.cluster ? clusterPath(routeCluster ?? lastShown, p.href) : p.href} aria-current={isCurrent(p) ? "page" : undefined}>
          {p.label}
        </Link>
      ))}
    </nav>
  );
}
