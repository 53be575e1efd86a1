/** What every panel server action returns; fieldErrors are keyed by field path ("ports.1"). */
export type ActionResult<T> =
  | { ok: true; data: T }
  | { ok: false; message: string; fieldErrors?: Record<string, string>; current?: unknown };
