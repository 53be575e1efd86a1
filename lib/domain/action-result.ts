// The one result every server action returns, shared by the actions and the forms that call them.

/** Per-field messages keyed by field path ("ports.1", "persistence.netmask"): the first problem of each field. */
export type FieldErrors = Record<string, string>;

/** The stable code of a refusal made on an outdated version; the failure then carries today's values. */
export const STALE_VERSION = "stale_version";

/** A refused edit made on an outdated version: `current` holds what is stored now (for "load current values"). */
export interface StaleFailure<C> {
  ok: false;
  code: typeof STALE_VERSION;
  message: string;
  current: C;
  fieldErrors?: undefined;
}

/** Any other refusal: a message, and per-field errors when the refusal is about fields. */
export interface PlainFailure {
  ok: false;
  code?: undefined;
  message: string;
  fieldErrors?: FieldErrors;
}

/** What every server action returns: data on success, a refusal otherwise; `C` types a stale refusal's current values. */
export type ActionResult<T, C = T> = { ok: true; data: T } | PlainFailure | StaleFailure<C>;

/** Whether a result is a stale-version refusal (its `current` is then typed). */
export function isStaleFailure<T, C>(result: ActionResult<T, C>): result is StaleFailure<C> {
  return !result.ok && result.code === STALE_VERSION;
}
