import * as z from "zod";
import { intInRange, ipAddressSchema, nameSchema, portSchema, strictObject } from "./primitives";

/** A real server behind a virtual server (the real server form's schema). */
export const realServerSchema = strictObject({
  name: nameSchema,
  address: ipAddressSchema,
  port: portSchema.optional(),
  weight: intInRange(0, 65535).default(1),
  active: z.boolean().default(true),
});

/** A real server after defaults. */
export type RealServer = z.output<typeof realServerSchema>;
/** A real server as written. */
export type RealServerInput = z.input<typeof realServerSchema>;
