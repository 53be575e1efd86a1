"use server";

import { firewallMarkSchema } from "@/lib/domain/schema";
import type { ActionResult } from "@/lib/forms/action-result";
import { requireSomeClusterPermission } from "../auth/cluster-access";
import { createFirewallMark, deleteFirewallMark, updateFirewallMark, type FirewallMarkDetail } from "../firewall-marks";
import { runAction } from "../run-action";
import { parseId, parseInput, revalidatePanels } from "./action-helpers";

/** Creates a firewall-mark bundle in a cluster. Needs firewallMark.write (operators, admins). */
export async function createFirewallMarkAction(clusterId: number, input: unknown): Promise<ActionResult<FirewallMarkDetail>> {
  return revalidatePanels(await runAction(async () => {
    await requireSomeClusterPermission("firewallMark.write");
    return createFirewallMark(parseId(clusterId, "cluster"), parseInput(firewallMarkSchema, input));
  }));
}

/** Saves a bundle. Needs firewallMark.write (operators, admins). */
export async function updateFirewallMarkAction(id: number, version: number, input: unknown): Promise<ActionResult<FirewallMarkDetail>> {
  return revalidatePanels(await runAction(async () => {
    await requireSomeClusterPermission("firewallMark.write");
    return updateFirewallMark(parseId(id), parseId(version, "version"), parseInput(firewallMarkSchema, input));
  }));
}

/** Deletes a bundle; one in use needs confirmUsed. Needs firewallMark.write (operators, admins). */
export async function deleteFirewallMarkAction(id: number, version: number, confirmUsed: boolean): Promise<ActionResult<{ id: number }>> {
  return revalidatePanels(await runAction(async () => {
    await requireSomeClusterPermission("firewallMark.write");
    return deleteFirewallMark(parseId(id), parseId(version, "version"), confirmUsed === true);
  }));
}
