"use server";

import * as z from "zod";
import { clusterAction, idArg, PANELS } from "../action-client";
import { MAX_BULK_PICKS, REAL_SERVER_BULK_ACTIONS, applyRealServerBulk } from "../real-servers-bulk";

const bulkActionSchema = z.enum(REAL_SERVER_BULK_ACTIONS, { error: `allowed: ${REAL_SERVER_BULK_ACTIONS.join(", ")}` });
const picksSchema = z.array(z.strictObject({ id: z.int().min(1), version: z.int().min(1) }))
  .max(MAX_BULK_PICKS, { error: `at most ${MAX_BULK_PICKS} real servers at once` });

/**
 * Activates, deactivates, drains (weight 0) or deletes the selected real servers
 * of one virtual server at once. Needs virtualServer.write (operators, admins).
 */
export const applyRealServerBulkAction = clusterAction({
  permission: "virtualServer.write", revalidate: [PANELS], schema: [idArg("virtual server"), bulkActionSchema, picksSchema],
}).action(async ([virtualServerId, action, picks]) => applyRealServerBulk(virtualServerId, action, picks));
