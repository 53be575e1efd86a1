"use server";

import { firewallMarkSchema } from "@/lib/domain/schema";
import { clusterAction, flagArg, idArg, PANELS, versionArg } from "../action-client";
import { createFirewallMark, deleteFirewallMark, updateFirewallMark, type FirewallMarkDetail } from "../firewall-marks";

const write = { permission: "firewallMark.write", revalidate: [PANELS] } as const;

/** Creates a firewall-mark bundle in a cluster. Needs firewallMark.write (operators, admins). */
export const createFirewallMarkAction = clusterAction({ ...write, schema: [idArg("cluster"), firewallMarkSchema] })
  .action(async ([clusterId, values]) => createFirewallMark(clusterId, values));

/** Saves a bundle. Needs firewallMark.write (operators, admins). */
export const updateFirewallMarkAction = clusterAction({ ...write, schema: [idArg(), versionArg(), firewallMarkSchema] })
  .action(async ([id, version, values]) => updateFirewallMark(id, version, values));

/** Deletes a bundle; one in use needs confirmUsed. Needs firewallMark.write (operators, admins). */
export const deleteFirewallMarkAction = clusterAction({ ...write, schema: [idArg(), versionArg(), flagArg()] })
  .action<{ id: number }, FirewallMarkDetail>(async ([id, version, confirmUsed]) => deleteFirewallMark(id, version, confirmUsed));
