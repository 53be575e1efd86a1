"use client";

import { useEffect } from "react";
import { selectClusterAction } from "@/lib/server/actions/clusters";

/** Remembers, once, that this cluster was shown last, so `/` and the global pages lead back to it. */
export function RememberCluster({ clusterId }: { clusterId: number }) {
  useEffect(() => {
    void selectClusterAction(clusterId);
  }, [clusterId]);
  return null;
}
