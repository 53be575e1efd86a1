import type * as z from "zod";
import { closedEnum, descriptionSchema, ipAddressSchema, listOf, markSchema, nameSchema, portSpecSchema, strictObject } from "./primitives";
import { BUNDLE_PRESETS, BUNDLE_PROTOCOLS } from "./enums";

export { BUNDLE_PRESETS, BUNDLE_PROTOCOLS };

/** A firewall-mark bundle: packets to VIP on these ports get the mark (the bundle form's schema). */
export const firewallMarkSchema = strictObject({
  mark: markSchema,
  name: nameSchema,
  description: descriptionSchema.optional(),
  vip: ipAddressSchema,
  protocol: closedEnum(BUNDLE_PROTOCOLS).default("tcp"),
  ports: listOf(portSpecSchema, 'ports ("80", "10000-20000")', 256, 1),
});

/** A firewall-mark bundle after defaults. */
export type FirewallMark = z.output<typeof firewallMarkSchema>;
/** A firewall-mark bundle as written. */
export type FirewallMarkInput = z.input<typeof firewallMarkSchema>;
/** Protocol of a bundle. */
export type BundleProtocol = (typeof BUNDLE_PROTOCOLS)[number];

