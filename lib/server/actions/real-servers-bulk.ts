"use server";

import * as z from "zod";
import type { ActionResult } from "@/lib/forms/action-result";
import { requireSomeClusterPermission } from "../auth/cluster-access";
import { DataError } from "../data-errors";
import { MAX_BULK_PICKS, REAL_SERVER_BULK_ACTIONS, applyRealServerBulk, type RealServerBulkAction } from "../real-servers-bulk";
import { runAction } from "../run-action";
import type { RealServerDetail } from "../virtual-server-mapping";
import { parseId, revalidatePanels } from "./action-helpers";

const picksSchema = z.array(z.object({ id: z.number(), version: z.number() }).strict()).max(MAX_BULK_PICKS);

/**
 * Activates, deactivates, drains (weight 0) or deletes the selected real servers
 * of one virtual server at once. Needs virtualServer.write (operators, admins).
 */
export async function applyRealServerBulkAction(
  virtualServerId: number, action: RealServerBulkAction, picks: unknown,
): Promise<ActionResult<RealServerDetail[]>> {
  return revalidatePanels(await runAction(async () => {
    await requireSomeClusterPermission("virtualServer.write");
    if (!REAL_SERVER_BULK_ACTIONS.includes(action)) {
      throw new DataError(`Unknown bulk action ${JSON.stringify(action)}; allowed: ${REAL_SERVER_BULK_ACTIONS.join(", ")}.`);
    }
    const parsed = picksSchema.safeParse(picks);
    if (!parsed.success) throw new DataError(`Invalid selection: a list of at most ${MAX_BULK_PICKS} {id, version} pairs is allowed.`);
    const checked = parsed.data.map((p) => ({ id: parseId(p.id, "real server id"), version: parseId(p.version, "version") }));
    return applyRealServerBulk(parseId(virtualServerId, "virtual server"), action, checked);
  }));
}
