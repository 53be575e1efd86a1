import "server-only";
import type { ActionResult } from "@/lib/domain/action-result";
import { idArg, PANELS, revalidateTargets } from "../action-client";

// Transition helpers for actions written on runAction; the builder (action-client.ts) does this itself.
export { parseInput } from "../action-client";

/** Ids and versions arrive from the browser: positive integers only. */
export function parseId(value: unknown, what = "id"): number {
  return idArg(what).parse(value);
}

/** Every panel reads the cluster's serial number, so a saved change refreshes them all. */
export function revalidatePanels<T>(result: ActionResult<T>): ActionResult<T> {
  if (result.ok) revalidateTargets([PANELS]);
  return result;
}
