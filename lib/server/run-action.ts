import "server-only";
import type { ActionResult } from "@/lib/forms/action-result";
import { AuthorizationError } from "./auth/permissions";
import { DataError } from "./data-errors";

/** Runs a data call for a server action and turns refusals into a typed result; never leaks a stack trace. */
export async function runAction<T>(call: () => Promise<T>): Promise<ActionResult<T>> {
  try {
    return { ok: true, data: await call() };
  } catch (error) {
    if (error instanceof AuthorizationError) return { ok: false, message: error.message };
    if (error instanceof DataError) {
      return { ok: false, message: error.message, fieldErrors: error.fieldErrors, current: error.current };
    }
    console.error("server action failed", error);
    return { ok: false, message: "The change could not be saved because of an unexpected server error. Nothing was saved." };
  }
}
