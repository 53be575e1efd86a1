"use client";

import { useClusterHref } from "@/components/ui/cluster-link";

/** The header's search box: name, VIP, mark, port or real-server address, across the cluster the page shows. */
export function GlobalSearch() {
  const to = useClusterHref();
  return (
    <form role="search" action={to("/search")} method="get" className="global-search">
      <label htmlFor="global-search" className="sr-only">Search the cluster</label>
      <input id="global-search" name="q" type="search" placeholder="Search name, VIP, mark, port, address" maxLength={200} />
      <button type="submit" className="secondary">Search</button>
    </form>
  );
}
