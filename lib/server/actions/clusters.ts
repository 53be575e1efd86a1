"use server";

import { globalSettingsSchema, newClusterSchema, redundancySchema, renameClusterSchema } from "@/lib/forms/cluster-forms";
import type { ActionResult } from "@/lib/forms/action-result";
import { requireSomeClusterPermission } from "../auth/cluster-access";
import { requirePermission } from "../auth/permissions";
import { updateGlobalSettings, updateRedundancy, type ClusterSettingsDetail } from "../cluster-settings";
import { createCluster, deleteCluster, renameCluster, selectCluster, type ClusterSummary } from "../clusters";
import { runAction } from "../run-action";
import { parseId, parseInput, revalidatePanels } from "./action-helpers";

/** Shows another cluster in every panel (cookie). Needs cluster.read. */
export async function selectClusterAction(clusterId: number): Promise<ActionResult<ClusterSummary>> {
  return revalidatePanels(await runAction(async () => {
    await requireSomeClusterPermission("cluster.read");
    return selectCluster(parseId(clusterId, "cluster"));
  }));
}

/** Creates a cluster. Needs cluster.write (admins). */
export async function createClusterAction(input: unknown): Promise<ActionResult<ClusterSummary>> {
  return revalidatePanels(await runAction(async () => {
    await requirePermission("cluster.write");
    return createCluster(parseInput(newClusterSchema, input));
  }));
}

/** Renames a cluster. Needs cluster.write (admins). */
export async function renameClusterAction(id: number, version: number, input: unknown): Promise<ActionResult<ClusterSummary>> {
  return revalidatePanels(await runAction(async () => {
    await requireSomeClusterPermission("cluster.write");
    return renameCluster(parseId(id), parseId(version, "version"), parseInput(renameClusterSchema, input));
  }));
}

/** Deletes a cluster and everything in it; one cluster always remains. Needs cluster.write (admins). */
export async function deleteClusterAction(id: number, version: number): Promise<ActionResult<{ id: number }>> {
  return revalidatePanels(await runAction(async () => {
    await requireSomeClusterPermission("cluster.write");
    return deleteCluster(parseId(id), parseId(version, "version"));
  }));
}

/** Saves Global settings. Needs cluster.write (admins). */
export async function updateGlobalSettingsAction(id: number, version: number, input: unknown): Promise<ActionResult<ClusterSettingsDetail>> {
  return revalidatePanels(await runAction(async () => {
    await requireSomeClusterPermission("cluster.write");
    return updateGlobalSettings(parseId(id), parseId(version, "version"), parseInput(globalSettingsSchema, input));
  }));
}

/** Saves Redundancy. Needs cluster.write (admins). */
export async function updateRedundancyAction(id: number, version: number, input: unknown): Promise<ActionResult<ClusterSettingsDetail>> {
  return revalidatePanels(await runAction(async () => {
    await requireSomeClusterPermission("cluster.write");
    return updateRedundancy(parseId(id), parseId(version, "version"), parseInput(redundancySchema, input));
  }));
}
