import * as z from "zod";
import { familyOf } from "../model/address";
import {
  checkMask, closedEnum, deviceSchema, healthStringSchema, hostPortSchema, ipAddressSchema, listOf, markSchema, maskSchema,
  nameSchema, portSchema, secondsSchema, sendProgramSchema, strictObject, withFastCheck,
} from "./primitives";
import { healthCheckSchema } from "./health-check";
import { realServerSchema } from "./real-server";
import { LOAD_MONITORS, LVS_CF_SCHEDULERS, SCHEDULERS, SERVICE_PROTOCOLS, type Scheduler } from "./enums";

export { LOAD_MONITORS, LVS_CF_SCHEDULERS, SCHEDULERS, SERVICE_PROTOCOLS, type Scheduler };

/** Persistence: timeout (0 = off) and granularity mask (IPv4 netmask or IPv6 prefix length). */
export const persistenceSchema = strictObject({
  timeoutSeconds: secondsSchema(0, 2147483).default(0),
  netmask: maskSchema.optional(),
});

/** Health check (Piranha EDIT MONITORING SCRIPTS). */
export const monitorSchema = strictObject({
  send: healthStringSchema.optional(),
  expect: healthStringSchema.optional(),
  expectIsRegex: z.boolean().default(false),
  sendProgram: sendProgramSchema.optional(),
});

/** A virtual server (the virtual server form's schema). */
export const virtualServerSchema = strictObject({
  name: nameSchema,
  active: z.boolean().default(true),
  vip: ipAddressSchema,
  vipNetmask: maskSchema.optional(),
  device: deviceSchema.optional(),
  protocol: closedEnum(SERVICE_PROTOCOLS).default("tcp"),
  port: portSchema,
  firewallMark: markSchema.optional(),
  scheduler: closedEnum(SCHEDULERS).default("wlc"),
  persistence: persistenceSchema.optional(),
  reentrySeconds: secondsSchema(0, 86400).default(15),
  serviceTimeoutSeconds: secondsSchema(1, 86400).default(6),
  quiesceServer: z.boolean().default(false),
  loadMonitor: closedEnum(LOAD_MONITORS).default("none"),
  sorryServer: hostPortSchema.optional(),
  monitor: monitorSchema.optional(),
  healthCheck: healthCheckSchema.optional(),
  realServers: listOf(realServerSchema, "real servers", 1024).default([]),
}).superRefine((vs, ctx) => {
  for (const issue of maskIssues(vs)) ctx.addIssue({ code: "custom", ...issue });
});
withFastCheck(virtualServerSchema, (vs: VirtualServer) => maskIssues(vs).length === 0);

/** The masks of a virtual server that do not fit its VIP's family. */
function maskIssues(vs: { vip: string; vipNetmask?: string | number; persistence?: { netmask?: string | number } }) {
  const family = familyOf(vs.vip);
  const masks: [string, string | number | undefined][] = [
    ["vipNetmask", vs.vipNetmask],
    ["persistence.netmask", vs.persistence?.netmask],
  ];
  const issues: { path: string[]; message: string; input: string | number }[] = [];
  for (const [field, mask] of masks) {
    const why = mask === undefined ? null : checkMask(mask, family);
    if (why) issues.push({ path: field.split("."), message: `${why} (the VIP is IPv${family})`, input: mask! });
  }
  return issues;
}

/** A virtual server after defaults. */
export type VirtualServer = z.output<typeof virtualServerSchema>;
/** A virtual server as written. */
export type VirtualServerInput = z.input<typeof virtualServerSchema>;
/** Persistence settings after defaults. */
export type Persistence = z.output<typeof persistenceSchema>;
