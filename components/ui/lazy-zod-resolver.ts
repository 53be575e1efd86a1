"use client";

import type { FieldValues, Resolver } from "react-hook-form";
import type * as z from "zod";
import { cleanFormValues } from "./clean-form-values";

/** Loads a shared schema on demand (a dynamic import of its module). */
export type SchemaLoader<S> = () => Promise<S>;

/**
 * zodResolver over a schema loaded at the first validation, so zod, the schema
 * and its address parser stay out of a page's first JavaScript. With `clean`,
 * "" and NaN reach the schema as undefined ("not given").
 */
export function lazyZodResolver<S extends z.ZodType<FieldValues, FieldValues>>(
  load: SchemaLoader<S>,
  { clean = true } = {},
): Resolver<z.input<S>, unknown, z.output<S>> {
  let ready: Promise<Resolver<z.input<S>, unknown, z.output<S>>> | undefined;
  return async (values, context, options) => {
    ready ??= Promise.all([load(), import("@hookform/resolvers/zod")]).then(
      ([schema, { zodResolver }]) => zodResolver(schema) as unknown as Resolver<z.input<S>, unknown, z.output<S>>,
    );
    const inner = await ready;
    return inner(clean ? cleanFormValues(values) : values, context, options);
  };
}
