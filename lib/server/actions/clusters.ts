"use server";

import { globalSettingsSchema, newClusterSchema, redundancySchema, renameClusterSchema } from "@/lib/domain/schema/cluster-forms";
import { clusterAction, consoleAction, idArg, PANELS, versionArg } from "../action-client";
import { updateGlobalSettings, updateRedundancy } from "../cluster-settings";
import { createCluster, deleteCluster, renameCluster, selectCluster, type ClusterSummary } from "../clusters";

const write = { permission: "cluster.write", revalidate: [PANELS] } as const;

/**
 * Remembers the cluster a page showed (cookie), the one `/` and the global pages'
 * links lead to. Changes no page, so nothing is revalidated. Needs cluster.read.
 */
export const selectClusterAction = clusterAction({ permission: "cluster.read", schema: [idArg("cluster")], revalidate: [] })
  .action(async ([clusterId]) => selectCluster(clusterId));

/** Creates a cluster. Needs cluster.write (admins). */
export const createClusterAction = consoleAction({ ...write, schema: [newClusterSchema] })
  .action(async ([values]) => createCluster(values));

/** Renames a cluster. Needs cluster.write (admins). */
export const renameClusterAction = clusterAction({ ...write, schema: [idArg(), versionArg(), renameClusterSchema] })
  .action(async ([id, version, values]) => renameCluster(id, version, values));

/** Deletes a cluster and everything in it; one cluster always remains. Needs cluster.write (admins). */
export const deleteClusterAction = clusterAction({ ...write, schema: [idArg(), versionArg()] })
  .action<{ id: number }, ClusterSummary>(async ([id, version]) => deleteCluster(id, version));

/** Saves Global settings. Needs cluster.write (admins). */
export const updateGlobalSettingsAction = clusterAction({ ...write, schema: [idArg(), versionArg(), globalSettingsSchema] })
  .action(async ([id, version, values]) => updateGlobalSettings(id, version, values));

/** Saves Redundancy. Needs cluster.write (admins). */
export const updateRedundancyAction = clusterAction({ ...write, schema: [idArg(), versionArg(), redundancySchema] })
  .action(async ([id, version, values]) => updateRedundancy(id, version, values));
