import * as z from "zod";
import { clusterSettingsSchema } from "./cluster";
import { firewallMarkSchema } from "./firewall-mark";
import { allowedError, listOf, strictObject } from "./primitives";
import { virtualServerSchema } from "./virtual-server";

/** The interchange document, version 1 (DESIGN.md §3); cross-entity checks live in lint. */
export const lvsDocumentSchema = strictObject({
  version: z.literal(1, allowedError("1")),
  cluster: clusterSettingsSchema,
  firewallMarks: listOf(firewallMarkSchema, "firewall-mark bundles", 65536).default([]),
  virtualServers: listOf(virtualServerSchema, "virtual servers", 65536).default([]),
});

/** A validated document with every default filled in. */
export type LvsDocument = z.output<typeof lvsDocumentSchema>;
/** A document as written (defaults optional). */
export type LvsDocumentInput = z.input<typeof lvsDocumentSchema>;
