import * as z from "zod";
import { clusterSettingsSchema } from "@/lib/domain/schema";

/** Piranha GLOBAL SETTINGS: the settings panel's slice of the shared cluster schema. */
export const globalSettingsSchema = clusterSettingsSchema.pick({
  name: true, primary: true, network: true, natRouter: true, timeouts: true,
});

/** Piranha REDUNDANCY: the redundancy panel's slice of the shared cluster schema. */
export const redundancySchema = clusterSettingsSchema.pick({
  backup: true, heartbeat: true, monitorLinks: true, syncDaemon: true, vrrp: true,
});

/** A new cluster: its name and primary router, everything else defaulted. */
export const newClusterSchema = clusterSettingsSchema.pick({ name: true, primary: true });

/** Renaming a cluster. */
export const renameClusterSchema = clusterSettingsSchema.pick({ name: true });

export type GlobalSettingsInput = z.input<typeof globalSettingsSchema>;
export type GlobalSettings = z.output<typeof globalSettingsSchema>;
export type RedundancyInput = z.input<typeof redundancySchema>;
export type Redundancy = z.output<typeof redundancySchema>;
export type NewClusterInput = z.input<typeof newClusterSchema>;
export type RenameClusterInput = z.input<typeof renameClusterSchema>;
