import * as z from "zod";
import { familyOf } from "../model/address";
import {
  checkMask, closedEnum, deviceSchema, intInRange, ipAddressSchema, maskSchema, nameSchema, portSchema, secondsSchema, strictObject,
} from "./primitives";
import { NETWORK_TYPES } from "./enums";

export { NETWORK_TYPES };

/** Primary router addresses. */
export const primarySchema = strictObject({
  publicIp: ipAddressSchema,
  privateIp: ipAddressSchema.optional(),
});

/** NAT router: the floating gateway address real servers route through. */
export const natRouterSchema = strictObject({
  ip: ipAddressSchema,
  netmask: maskSchema,
  device: deviceSchema,
}).superRefine((r, ctx) => {
  const why = checkMask(r.netmask, familyOf(r.ip));
  if (why) ctx.addIssue({ code: "custom", path: ["netmask"], message: why, input: r.netmask });
});

/** Backup router (Piranha REDUNDANCY). */
export const backupSchema = strictObject({
  enabled: z.boolean().default(false),
  publicIp: ipAddressSchema.optional(),
  privateIp: ipAddressSchema.optional(),
}).superRefine((b, ctx) => {
  if (b.enabled && b.publicIp === undefined) {
    ctx.addIssue({ code: "custom", path: ["publicIp"], message: "required when the backup is enabled; allowed: an IPv4 or IPv6 address" });
  }
});

/** Heartbeat between primary and backup. */
export const heartbeatSchema = strictObject({
  intervalSeconds: secondsSchema(1, 3600).default(6),
  deadAfterSeconds: secondsSchema(1, 3600).default(18),
  port: portSchema.default(539),
});

/** IPVS connection timeouts; 0 keeps the kernel default. */
export const timeoutsSchema = strictObject({
  tcp: secondsSchema(0, 2147483).default(0),
  tcpfin: secondsSchema(0, 2147483).default(0),
  udp: secondsSchema(0, 2147483).default(0),
});

/** The router pair's VRRP settings (keepalived); omitted fields keep the derived defaults. */
export const vrrpSchema = strictObject({
  /** virtual_router_id; default: derived from the cluster name (shown in the form). */
  routerId: intInRange(1, 255).optional(),
  priorityPrimary: intInRange(1, 254).default(150),
  priorityBackup: intInRange(1, 254).default(100),
  preempt: z.boolean().default(true),
  /** advert_int; default: the heartbeat interval. Independent of the health-check interval. */
  advertSeconds: secondsSchema(1, 255).optional(),
  /** Interface VRRP adverts use; default: the first active virtual server's device, else the NAT router's. */
  interface: deviceSchema.optional(),
}).superRefine((v, ctx) => {
  if (v.priorityBackup >= v.priorityPrimary) {
    ctx.addIssue({
      code: "custom", path: ["priorityBackup"], input: v.priorityBackup,
      message: `got ${v.priorityBackup}; allowed: an integer 1-${v.priorityPrimary - 1} (lower than the primary's priority ${v.priorityPrimary})`,
    });
  }
});

/** Cluster settings (Piranha GLOBAL SETTINGS + REDUNDANCY), the cluster settings form's schema. */
export const clusterSettingsSchema = strictObject({
  name: nameSchema,
  primary: primarySchema,
  network: closedEnum(NETWORK_TYPES).default("nat"),
  natRouter: natRouterSchema.optional(),
  backup: backupSchema.optional(),
  heartbeat: heartbeatSchema.prefault({}),
  monitorLinks: z.boolean().default(false),
  syncDaemon: z.boolean().default(false),
  timeouts: timeoutsSchema.prefault({}),
  vrrp: vrrpSchema.optional(),
  serialNo: intInRange(0, 2147483647).default(1),
});

/** Cluster settings after defaults. */
export type ClusterSettings = z.output<typeof clusterSettingsSchema>;
/** Cluster settings as written (defaults optional). */
export type ClusterSettingsInput = z.input<typeof clusterSettingsSchema>;
/** VRRP settings after defaults. */
export type VrrpSettings = z.output<typeof vrrpSchema>;
/** Forwarding method of a cluster. */
export type NetworkType = (typeof NETWORK_TYPES)[number];
