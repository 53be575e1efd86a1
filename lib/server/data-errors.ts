import "server-only";
import { STALE_VERSION, type FieldErrors } from "@/lib/domain/action-result";

/** A refusal the operator can act on: shown as the form's message, with per-field errors when known. */
export class DataError extends Error {
  readonly fieldErrors?: FieldErrors;
  readonly current?: unknown;
  constructor(message: string, options: { fieldErrors?: FieldErrors; current?: unknown } = {}) {
    super(message);
    this.name = "DataError";
    this.fieldErrors = options.fieldErrors;
    this.current = options.current;
  }
}

/** The object was deleted (or never existed). */
export class NotFoundError extends DataError {
  constructor(what: string) {
    super(`This ${what} no longer exists; it may have been deleted by someone else.`);
    this.name = "NotFoundError";
  }
}

/** Optimistic concurrency: the edit was made on an older version; `current` carries today's values, `code` says so to clients. */
export class StaleVersionError<C = unknown> extends DataError {
  readonly code = STALE_VERSION;
  declare readonly current: C;
  constructor(what: string, current: C, refused: "edit" | "delete" = "edit") {
    super(
      refused === "edit"
        ? `This ${what} was changed by someone else since you opened it. Your edit was not saved; the form now shows the current values.`
        : `This ${what} was changed by someone else since you opened it. Nothing was deleted; reload to see the current values.`,
      { current },
    );
    this.name = "StaleVersionError";
  }
}

/** True for a Prisma unique-constraint violation (P2002), whichever driver raised it. */
export function isUniqueViolation(error: unknown): boolean {
  if (typeof error !== "object" || error === null) return false;
  const code = (error as { code?: unknown }).code;
  return code === "P2002" || /UNIQUE constraint failed/i.test(String((error as { message?: unknown }).message));
}
