import "server-only";
import type { ActionResult } from "@/lib/domain/action-result";
import { settle } from "./action-client";

/**
 * Transition alias for actions written before the builder: runs a data call and
 * turns refusals into an ActionResult. New actions use clusterAction/consoleAction (action-client.ts).
 */
export function runAction<T>(call: () => Promise<T>): Promise<ActionResult<T>> {
  return settle(call);
}
