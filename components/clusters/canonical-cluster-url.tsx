"use client";

import { useEffect } from "react";
import { splitClusterPath } from "@/lib/domain/links/cluster-path";

/**
 * An address with the cluster's former name (`/c/7-old-name/…`, after a rename)
 * still finds the cluster by its id; this puts the current name in the address bar,
 * so what the operator copies reads right. Nothing is reloaded.
 */
export function CanonicalClusterUrl({ segment }: { segment: string }) {
  useEffect(() => {
    const { pathname, search, hash } = window.location;
    const route = splitClusterPath(pathname);
    if (!route || route.segment === segment) return;
    const rest = route.rest === "/" ? "" : route.rest;
    window.history.replaceState(window.history.state, "", `/c/${segment}${rest}${search}${hash}`);
  }, [segment]);
  return null;
}
