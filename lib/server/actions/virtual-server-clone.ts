"use server";

import type { ActionResult } from "@/lib/forms/action-result";
import { cloneVirtualServerSchema } from "@/lib/forms/virtual-server-forms";
import { requireSomeClusterPermission } from "../auth/cluster-access";
import { runAction } from "../run-action";
import { cloneVirtualServer } from "../virtual-server-clone";
import type { VirtualServerDetail } from "../virtual-servers";
import { parseId, parseInput, revalidatePanels } from "./action-helpers";

/** Copies a virtual server with its real servers under a new name. Needs virtualServer.write (operators, admins). */
export async function cloneVirtualServerAction(id: number, input: unknown): Promise<ActionResult<VirtualServerDetail>> {
  return revalidatePanels(await runAction(async () => {
    await requireSomeClusterPermission("virtualServer.write");
    return cloneVirtualServer(parseId(id, "virtual server"), parseInput(cloneVirtualServerSchema, input).name);
  }));
}
