import type * as z from "zod";
import { FAST_CHECKS } from "./primitives";

// Validating a 10,000-service document through zod cost about half a second
// (100,000 real servers, each field a zod node with its own result objects and
// error plumbing), in every import, CLI run and snapshot read. This walks the
// same schemas once, compiling each node into a plain function that returns
// the node's output (defaults filled in, keys in the schema's order, exactly as
// zod builds it) or INVALID. It knows only what the document's schemas are
// made of; any other node, and any check it cannot read as a predicate
// (FAST_CHECKS), is handed to zod itself for that part of the value. On
// INVALID the caller asks zod for the whole document, so every message still
// comes from zod: this path only ever says yes faster.

/** Not valid, or not known to be: ask zod. */
export const INVALID: unique symbol = Symbol("invalid");

type Fast = (value: unknown) => unknown;

interface Def {
  type: string;
  innerType?: z.ZodType;
  defaultValue?: unknown;
  entries?: Record<string, unknown>;
  values?: unknown[];
  options?: z.ZodType[];
  element?: z.ZodType;
  shape?: Record<string, z.ZodType>;
  catchall?: z.ZodType;
  checks?: unknown[];
}

const defOf = (schema: z.ZodType): Def => (schema as unknown as { _zod: { def: Def } })._zod.def;

const compiled = new WeakMap<z.ZodType, Fast>();

/** The fast validator of a schema, compiled once. */
export function fastValidator(schema: z.ZodType): Fast {
  let fast = compiled.get(schema);
  if (!fast) {
    fast = compile(schema);
    compiled.set(schema, fast);
  }
  return fast;
}

function compile(schema: z.ZodType): Fast {
  const def = defOf(schema);
  const own = FAST_CHECKS.get(schema) as ((value: unknown) => boolean) | undefined;
  const hasChecks = (def.checks?.length ?? 0) > 0;
  switch (def.type) {
    case "optional": {
      const inner = fastValidator(def.innerType!);
      return (v) => (v === undefined ? undefined : inner(v));
    }
    case "default": {
      const inner = fastValidator(def.innerType!);
      // zod's defaultValue is a getter giving a fresh copy each time.
      return (v) => (v === undefined ? def.defaultValue : inner(v));
    }
    case "prefault": {
      const inner = fastValidator(def.innerType!);
      return (v) => inner(v === undefined ? def.defaultValue : v);
    }
    case "boolean":
      return hasChecks ? delegate(schema) : (v) => (typeof v === "boolean" ? v : INVALID);
    case "string":
      if (hasChecks && !own) return delegate(schema);
      return (v) => (typeof v === "string" && (!own || own(v)) ? v : INVALID);
    case "number":
      // A number's checks (integer, bounds) are all in its predicate, or zod decides.
      return own ? (v) => (typeof v === "number" && own(v) ? v : INVALID) : delegate(schema);
    case "enum": {
      const allowed = new Set(Object.values(def.entries ?? {}));
      return hasChecks ? delegate(schema) : (v) => (allowed.has(v) ? v : INVALID);
    }
    case "literal": {
      const allowed = new Set(def.values ?? []);
      return hasChecks ? delegate(schema) : (v) => (allowed.has(v) ? v : INVALID);
    }
    case "union": {
      const options = (def.options ?? []).map(fastValidator);
      // zod answers with the first option that accepts the value.
      return hasChecks ? delegate(schema) : (v) => {
        for (const option of options) {
          const out = option(v);
          if (out !== INVALID) return out;
        }
        return INVALID;
      };
    }
    case "array":
      return hasChecks && !own ? delegate(schema) : compileArray(fastValidator(def.element!), own);
    case "object":
      return compileObject(schema, def, own, hasChecks);
    default:
      return delegate(schema);
  }
}

function compileArray(element: Fast, own: ((value: unknown) => boolean) | undefined): Fast {
  return (v) => {
    if (!Array.isArray(v) || (own && !own(v))) return INVALID;
    const out = new Array<unknown>(v.length);
    for (let i = 0; i < v.length; i++) {
      const item = element(v[i]);
      if (item === INVALID) return INVALID;
      out[i] = item;
    }
    return out;
  };
}

function compileObject(schema: z.ZodType, def: Def, own: ((value: unknown) => boolean) | undefined, hasChecks: boolean): Fast {
  const catchall = def.catchall && defOf(def.catchall).type;
  // A refinement without a predicate, or unknown keys kept: zod decides.
  if ((hasChecks && !own) || (catchall !== undefined && catchall !== "never")) return delegate(schema);
  const strict = catchall === "never";
  const shape = def.shape ?? {};
  const keys = Object.keys(shape);
  const known = new Set(keys);
  const fields = keys.map((k) => fastValidator(shape[k]!));
  return (v) => {
    if (typeof v !== "object" || v === null || Array.isArray(v)) return INVALID;
    const input = v as Record<string, unknown>;
    if (strict) for (const k in input) if (!known.has(k)) return INVALID;
    const out: Record<string, unknown> = {};
    for (let i = 0; i < keys.length; i++) {
      const key = keys[i]!;
      const value = fields[i]!(input[key]);
      if (value === INVALID) return INVALID;
      // As zod: an absent optional field stays absent; one given as undefined stays given.
      if (value !== undefined || key in input) out[key] = value;
    }
    return own && !own(out) ? INVALID : out;
  };
}

function delegate(schema: z.ZodType): Fast {
  return (v) => {
    const r = schema.safeParse(v);
    return r.success ? r.data : INVALID;
  };
}
