import type * as z from "zod";
import { closedEnum, descriptionSchema, ipAddressSchema, listOf, markSchema, nameSchema, portSpecSchema, strictObject } from "./primitives";

/** Protocols a bundle can mark; `both` means tcp and udp. */
export const BUNDLE_PROTOCOLS = ["tcp", "udp", "both"] as const;

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

/** The manuals' presets: HTTP + HTTPS under mark 80, FTP control + passive range under mark 21. */
export const BUNDLE_PRESETS = [
  { id: "http-https", label: "HTTP + HTTPS", mark: 80, name: "http-https", protocol: "tcp", ports: ["80", "443"] },
  { id: "ftp", label: "FTP", mark: 21, name: "ftp", protocol: "tcp", ports: ["21", "10000-20000"] },
] as const;
