"use server";

import { realServerSchema } from "@/lib/domain/schema";
import { clusterAction, flagArg, idArg, PANELS, versionArg } from "../action-client";
import { createRealServer, deleteRealServer, setRealServerActive, updateRealServer } from "../real-servers";
import type { RealServerDetail } from "../virtual-server-mapping";

const write = { permission: "virtualServer.write", revalidate: [PANELS] } as const;

/** Adds a real server to a virtual server. Needs virtualServer.write (operators, admins). */
export const createRealServerAction = clusterAction({ ...write, schema: [idArg("virtual server"), realServerSchema] })
  .action(async ([virtualServerId, values]) => createRealServer(virtualServerId, values));

/** Saves a real server (name, address, port, weight, active). Needs virtualServer.write (operators, admins). */
export const updateRealServerAction = clusterAction({ ...write, schema: [idArg(), versionArg(), realServerSchema] })
  .action(async ([id, version, values]) => updateRealServer(id, version, values));

/** Activates or deactivates a real server. Needs virtualServer.write (operators, admins). */
export const setRealServerActiveAction = clusterAction({ ...write, schema: [idArg(), versionArg(), flagArg()] })
  .action(async ([id, version, active]) => setRealServerActive(id, version, active));

/** Removes a real server. Needs virtualServer.write (operators, admins). */
export const deleteRealServerAction = clusterAction({ ...write, schema: [idArg(), versionArg()] })
  .action<{ id: number }, RealServerDetail>(async ([id, version]) => deleteRealServer(id, version));
