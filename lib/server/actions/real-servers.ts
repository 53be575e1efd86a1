"use server";

import { realServerSchema } from "@/lib/domain/schema";
import type { ActionResult } from "@/lib/forms/action-result";
import { requireSomeClusterPermission } from "../auth/cluster-access";
import { createRealServer, deleteRealServer, setRealServerActive, updateRealServer } from "../real-servers";
import { runAction } from "../run-action";
import type { RealServerDetail } from "../virtual-server-mapping";
import { parseId, parseInput, revalidatePanels } from "./action-helpers";

/** Adds a real server to a virtual server. Needs virtualServer.write (operators, admins). */
export async function createRealServerAction(virtualServerId: number, input: unknown): Promise<ActionResult<RealServerDetail>> {
  return revalidatePanels(await runAction(async () => {
    await requireSomeClusterPermission("virtualServer.write");
    return createRealServer(parseId(virtualServerId, "virtual server"), parseInput(realServerSchema, input));
  }));
}

/** Saves a real server (name, address, port, weight, active). Needs virtualServer.write (operators, admins). */
export async function updateRealServerAction(id: number, version: number, input: unknown): Promise<ActionResult<RealServerDetail>> {
  return revalidatePanels(await runAction(async () => {
    await requireSomeClusterPermission("virtualServer.write");
    return updateRealServer(parseId(id), parseId(version, "version"), parseInput(realServerSchema, input));
  }));
}

/** Activates or deactivates a real server. Needs virtualServer.write (operators, admins). */
export async function setRealServerActiveAction(id: number, version: number, active: boolean): Promise<ActionResult<RealServerDetail>> {
  return revalidatePanels(await runAction(async () => {
    await requireSomeClusterPermission("virtualServer.write");
    return setRealServerActive(parseId(id), parseId(version, "version"), active === true);
  }));
}

/** Removes a real server. Needs virtualServer.write (operators, admins). */
export async function deleteRealServerAction(id: number, version: number): Promise<ActionResult<{ id: number }>> {
  return revalidatePanels(await runAction(async () => {
    await requireSomeClusterPermission("virtualServer.write");
    return deleteRealServer(parseId(id), parseId(version, "version"));
  }));
}
