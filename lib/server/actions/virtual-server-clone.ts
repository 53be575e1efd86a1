"use server";

import { cloneVirtualServerSchema } from "@/lib/domain/schema/virtual-server-forms";
import { clusterAction, idArg, PANELS } from "../action-client";
import { cloneVirtualServer } from "../virtual-server-clone";

/** Copies a virtual server with its real servers under a new name. Needs virtualServer.write (operators, admins). */
export const cloneVirtualServerAction = clusterAction({
  permission: "virtualServer.write", revalidate: [PANELS], schema: [idArg("virtual server"), cloneVirtualServerSchema],
}).action(async ([id, input]) => cloneVirtualServer(id, input.name));
