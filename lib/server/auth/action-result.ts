import "server-only";
import { AuthorizationError } from "./permissions";

/** What every server action returns: data on success, a message (and field errors) otherwise. */
export type ActionResult<T = undefined> =
  | { ok: true; data: T }
  | { ok: false; message: string; fieldErrors?: Record<string, string[] | undefined> };

/** A failure the user can act on (validation, conflict, last-admin rule). */
export class UserFacingError extends Error {
  readonly fieldErrors?: Record<string, string[] | undefined>;
  constructor(message: string, fieldErrors?: Record<string, string[] | undefined>) {
    super(message);
    this.name = "UserFacingError";
    this.fieldErrors = fieldErrors;
  }
}

/** Turns an authorization or user-facing error into a failed ActionResult; rethrows anything unexpected. */
export function toActionFailure(error: unknown): { ok: false; message: string; fieldErrors?: Record<string, string[] | undefined> } {
  if (error instanceof AuthorizationError) return { ok: false, message: error.message };
  if (error instanceof UserFacingError) return { ok: false, message: error.message, fieldErrors: error.fieldErrors };
  throw error;
}
