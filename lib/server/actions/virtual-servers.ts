"use server";

import { virtualServerSchema } from "@/lib/domain/schema";
import type { ActionResult } from "@/lib/forms/action-result";
import { bundleServiceChoicesSchema } from "@/lib/forms/virtual-server-forms";
import { requireSomeClusterPermission } from "../auth/cluster-access";
import { runAction } from "../run-action";
import { createVirtualServerFromBundle } from "../virtual-server-from-bundle";
import {
  createVirtualServer, deleteVirtualServer, setVirtualServerActive, updateVirtualServer,
  type VirtualServerDetail, type VirtualServerRow,
} from "../virtual-servers";
import { parseId, parseInput, revalidatePanels } from "./action-helpers";

/** Creates a virtual server in a cluster. Needs virtualServer.write (operators, admins). */
export async function createVirtualServerAction(clusterId: number, input: unknown): Promise<ActionResult<VirtualServerDetail>> {
  return revalidatePanels(await runAction(async () => {
    await requireSomeClusterPermission("virtualServer.write");
    return createVirtualServer(parseId(clusterId, "cluster"), parseInput(virtualServerSchema, input));
  }));
}

/** Saves a virtual server's fields and monitoring scripts. Needs virtualServer.write (operators, admins). */
export async function updateVirtualServerAction(id: number, version: number, input: unknown): Promise<ActionResult<VirtualServerDetail>> {
  return revalidatePanels(await runAction(async () => {
    await requireSomeClusterPermission("virtualServer.write");
    const { realServers: _edited_row_by_row, ...values } = parseInput(virtualServerSchema, input);
    return updateVirtualServer(parseId(id), parseId(version, "version"), values);
  }));
}

/** Activates or deactivates a virtual server. Needs virtualServer.write (operators, admins). */
export async function setVirtualServerActiveAction(id: number, version: number, active: boolean): Promise<ActionResult<VirtualServerRow>> {
  return revalidatePanels(await runAction(async () => {
    await requireSomeClusterPermission("virtualServer.write");
    return setVirtualServerActive(parseId(id), parseId(version, "version"), active === true);
  }));
}

/** Deletes a virtual server with its real servers. Needs virtualServer.write (operators, admins). */
export async function deleteVirtualServerAction(id: number, version: number): Promise<ActionResult<{ id: number }>> {
  return revalidatePanels(await runAction(async () => {
    await requireSomeClusterPermission("virtualServer.write");
    return deleteVirtualServer(parseId(id), parseId(version, "version"));
  }));
}

/** A bundle's virtual server, with the name, scheduler and persistence chosen first. Needs virtualServer.write (operators, admins). */
export async function createVirtualServerFromBundleAction(bundleId: number, choices: unknown): Promise<ActionResult<VirtualServerDetail>> {
  return revalidatePanels(await runAction(async () => {
    await requireSomeClusterPermission("virtualServer.write");
    return createVirtualServerFromBundle(parseId(bundleId, "bundle"), parseInput(bundleServiceChoicesSchema, choices));
  }));
}
