// Pure helpers for reading audit events: what an event's before/after JSON says, field by field.

/** One field that differs between an event's before and after. */
export interface FieldChange {
  path: string;
  before: string | undefined;
  after: string | undefined;
}

const MAX_FIELDS = 500;

function parse(text: string | null): unknown {
  if (text === null) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    // Clamped or legacy text: show it whole as one value.
    return text;
  }
}

// Lists are compared per index; objects per key; everything else as JSON text.
function flatten(value: unknown, prefix: string, out: Map<string, string>): void {
  if (out.size >= MAX_FIELDS) return;
  if (value !== null && typeof value === "object") {
    const entries = Array.isArray(value) ? value.map((v, i) => [String(i), v] as const) : Object.entries(value);
    if (entries.length === 0) out.set(prefix || "(value)", Array.isArray(value) ? "[]" : "{}");
    for (const [key, v] of entries) flatten(v, prefix ? `${prefix}${Array.isArray(value) ? `[${key}]` : `.${key}`}` : key, out);
    return;
  }
  out.set(prefix || "(value)", typeof value === "string" ? value : JSON.stringify(value));
}

/** The fields an event changed (added, removed or different), in before-then-after key order. */
export function fieldChanges(beforeJson: string | null, afterJson: string | null): FieldChange[] {
  const before = new Map<string, string>();
  const after = new Map<string, string>();
  const b = parse(beforeJson);
  const a = parse(afterJson);
  if (b !== undefined) flatten(b, "", before);
  if (a !== undefined) flatten(a, "", after);
  const paths = [...new Set([...before.keys(), ...after.keys()])];
  return paths
    .filter((p) => before.get(p) !== after.get(p))
    .map((path) => ({ path, before: before.get(path), after: after.get(path) }));
}

const NAME_KEYS = ["name", "username"] as const;

/** The object's name as the event recorded it (after a change, or before a delete), when it has one. */
export function recordedName(beforeJson: string | null, afterJson: string | null): string | undefined {
  for (const text of [afterJson, beforeJson]) {
    const value = parse(text);
    if (value === null || typeof value !== "object" || Array.isArray(value)) continue;
    for (const key of NAME_KEYS) {
      const name = (value as Record<string, unknown>)[key];
      if (typeof name === "string" && name !== "") return name;
    }
  }
  return undefined;
}
