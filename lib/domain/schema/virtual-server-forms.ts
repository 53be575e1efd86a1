import * as z from "zod";
import { SCHEDULERS, persistenceSchema } from "./virtual-server";
import { closedEnum, nameSchema, strictObject } from "./primitives";

/** What the operator chooses before a bundle becomes a virtual server: its name, scheduler and persistence. */
export const bundleServiceChoicesSchema = strictObject({
  name: nameSchema,
  scheduler: closedEnum(SCHEDULERS).default("wlc"),
  persistence: persistenceSchema,
});

/** Cloning a virtual server: the copy's name. */
export const cloneVirtualServerSchema = strictObject({ name: nameSchema });

export type BundleServiceChoicesInput = z.input<typeof bundleServiceChoicesSchema>;
export type BundleServiceChoices = z.output<typeof bundleServiceChoicesSchema>;
export type CloneVirtualServerInput = z.input<typeof cloneVirtualServerSchema>;
