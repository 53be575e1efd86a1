import "server-only";
import { revalidatePath } from "next/cache";
import type * as z from "zod";
import type { ActionResult } from "@/lib/forms/action-result";
import { issuesToFieldErrors } from "@/lib/forms/issues-to-field-errors";
import { DataError } from "../data-errors";

/** Validates action input with the form's own schema; refusals carry per-field errors. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const parsed = schema.safeParse(input);
  if (!parsed.success) {
    throw new DataError("Nothing was saved: fix the fields marked below.", { fieldErrors: issuesToFieldErrors(parsed.error) });
  }
  return parsed.data;
}

/** Ids and versions arrive from the browser: positive integers only. */
export function parseId(value: unknown, what = "id"): number {
  if (typeof value !== "number" || !Number.isSafeInteger(value) || value < 1) throw new DataError(`Invalid ${what}.`);
  return value;
}

/** Every panel reads the cluster's serial number, so a saved change refreshes them all. */
export function revalidatePanels<T>(result: ActionResult<T>): ActionResult<T> {
  if (result.ok) revalidatePath("/", "layout");
  return result;
}
