"use server";

import { virtualServerSchema } from "@/lib/domain/schema";
import { clusterAction, flagArg, idArg, PANELS, versionArg } from "../action-client";
import { createVirtualServerFromBundle } from "../virtual-server-from-bundle";
import { createVirtualServer, deleteVirtualServer, setVirtualServerActive, updateVirtualServer, type VirtualServerDetail } from "../virtual-servers";

const write = { permission: "virtualServer.write", revalidate: [PANELS] } as const;

/** Creates a virtual server in a cluster. Needs virtualServer.write (operators, admins). */
export const createVirtualServerAction = clusterAction({ ...write, schema: [idArg("cluster"), virtualServerSchema] })
  .action(async ([clusterId, values]) => createVirtualServer(clusterId, values));

/** Saves a virtual server's fields and monitoring scripts (its real servers are edited row by row). Needs virtualServer.write. */
export const updateVirtualServerAction = clusterAction({ ...write, schema: [idArg(), versionArg(), virtualServerSchema] })
  .action(async ([id, version, { realServers: _edited_row_by_row, ...values }]) => updateVirtualServer(id, version, values));

/** Activates or deactivates a virtual server. Needs virtualServer.write (operators, admins). */
export const setVirtualServerActiveAction = clusterAction({ ...write, schema: [idArg(), versionArg(), flagArg()] })
  .action(async ([id, version, active]) => setVirtualServerActive(id, version, active));

/** Deletes a virtual server with its real servers. Needs virtualServer.write (operators, admins). */
export const deleteVirtualServerAction = clusterAction({ ...write, schema: [idArg(), versionArg()] })
  .action<{ id: number }, VirtualServerDetail>(async ([id, version]) => deleteVirtualServer(id, version));

/** One click from a bundle to its virtual server. Needs virtualServer.write (operators, admins). */
export const createVirtualServerFromBundleAction = clusterAction({ ...write, schema: [idArg("bundle")] })
  .action(async ([bundleId]) => createVirtualServerFromBundle(bundleId));
