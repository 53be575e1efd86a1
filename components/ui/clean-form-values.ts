// Browsers hand forms "" for an empty text box and NaN for an empty number box;
// the shared schemas mean "not given" by undefined, so forms clean before validating.

/** Turns "" and NaN into undefined, and an object left with nothing but undefined into undefined. */
export function cleanFormValues<T>(value: T): T {
  return clean(value) as T;
}

function clean(value: unknown): unknown {
  if (typeof value === "string") return value.trim() === "" ? undefined : value.trim();
  if (typeof value === "number") return Number.isNaN(value) ? undefined : value;
  if (Array.isArray(value)) return value.map(clean);
  if (value !== null && typeof value === "object") {
    const entries = Object.entries(value).map(([k, v]) => [k, clean(v)] as const);
    if (entries.length > 0 && entries.every(([, v]) => v === undefined)) return undefined;
    return Object.fromEntries(entries.filter(([, v]) => v !== undefined));
  }
  return value;
}
