import "server-only";
import { revalidatePath } from "next/cache";
import { unstable_rethrow } from "next/navigation";
import * as z from "zod";
import { STALE_VERSION, type ActionResult } from "@/lib/domain/action-result";
import { issuesToFieldErrors } from "@/lib/domain/schema/field-errors";
import { requireSomeClusterPermission } from "./auth/cluster-access";
import { AuthorizationError, requirePermission, type Permission } from "./auth/permissions";
import type { SessionUser } from "./auth/session";
import { DataError, StaleVersionError } from "./data-errors";

// The one way to write a server action (dub's authActionClient is the model):
//   export const updateThingAction = clusterAction({ permission, schema: [idArg(), versionArg(), thingSchema], revalidate: PANELS })
//     .action(async ([id, version, values], { user }) => updateThing(id, version, values));
// It authorizes before looking at the input, parses each argument, runs the data
// call, revalidates, and turns refusals into an ActionResult.

/** One positional argument of an action: parsed after authorization; `Raw` is what the caller passes. */
export interface ActionArg<T, Raw = unknown> {
  parse(value: unknown): T;
  /** Type-only: what callers pass in this position. */
  readonly raw?: Raw;
}

type ArgSpec = ActionArg<unknown, unknown> | z.ZodType;
type Parsed<A extends readonly ArgSpec[]> = { [K in keyof A]: A[K] extends ActionArg<infer T, unknown> ? T : A[K] extends z.ZodType ? z.output<A[K]> : never };
type Raw<A extends readonly ArgSpec[]> = { [K in keyof A]: A[K] extends ActionArg<unknown, infer R> ? R : unknown };

/** A path to revalidate after a successful call; PANELS refreshes every panel (they all read the cluster's serial). */
export type RevalidateTarget = string | { path: string; type: "layout" | "page" };
export const PANELS: RevalidateTarget = { path: "/", type: "layout" };

export interface ActionOptions<A extends readonly ArgSpec[]> {
  /** Checked before anything else; the data function checks it again for the object's own cluster. */
  permission: Permission;
  /** The arguments in order: zod schemas (form values, refusals per field) or ActionArgs (ids, flags, FormData). */
  schema?: A;
  /** What a successful call changes; a function sees the result (declare its parameter as the action's data type). */
  revalidate?: readonly RevalidateTarget[] | ((data: never) => readonly RevalidateTarget[]);
}

/** Ids and versions arrive from the browser: positive integers only. */
export const idArg = (what = "id"): ActionArg<number, number> => ({
  parse(value) {
    if (typeof value !== "number" || !Number.isSafeInteger(value) || value < 1) throw new DataError(`Invalid ${what}.`);
    return value;
  },
});

/** The version the form was opened at. */
export const versionArg = (): ActionArg<number, number> => idArg("version");

/** A yes/no argument: anything but `true` is no. */
export const flagArg = (): ActionArg<boolean, boolean> => ({ parse: (value) => value === true });

/** A form posted as FormData (uploads; also the no-JavaScript post). */
export const formDataArg = (): ActionArg<FormData, FormData> => ({ parse: (value) => (value instanceof FormData ? value : new FormData()) });

/** Validates a value with a shared schema; a refusal carries per-field errors. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown, message = "Nothing was saved: fix the fields marked below."): z.output<S> {
  const parsed = schema.safeParse(input);
  if (!parsed.success) throw new DataError(message, { fieldErrors: issuesToFieldErrors(parsed.error) });
  return parsed.data;
}

/** A schema argument whose refusal has a message of its own (questions and requests rather than saves). */
export const schemaArg = <S extends z.ZodType>(schema: S, message: string): ActionArg<z.output<S>, unknown> => ({
  parse: (value) => parseInput(schema, value, message),
});

function parseArg(spec: ArgSpec, value: unknown): unknown {
  return spec instanceof z.ZodType ? parseInput(spec, value) : spec.parse(value);
}

/** Runs a call and turns refusals into a typed result; Next's redirects pass through; never leaks a stack trace. */
export async function settle<T, C = T>(call: () => Promise<T>): Promise<ActionResult<T, C>> {
  try {
    return { ok: true, data: await call() };
  } catch (error) {
    unstable_rethrow(error);
    if (error instanceof AuthorizationError) return { ok: false, message: error.message };
    if (error instanceof StaleVersionError) return { ok: false, code: STALE_VERSION, message: error.message, current: error.current as C };
    if (error instanceof DataError) return { ok: false, message: error.message, fieldErrors: error.fieldErrors };
    console.error("server action failed", error);
    return { ok: false, message: "The change could not be saved because of an unexpected server error. Nothing was saved." };
  }
}

/** Revalidates what an action declared it changes. */
export function revalidateTargets(targets: readonly RevalidateTarget[]): void {
  for (const t of targets) {
    if (typeof t === "string") revalidatePath(t);
    else revalidatePath(t.path, t.type);
  }
}

function defineActionClient(authorize: (permission: Permission) => Promise<SessionUser>) {
  return <const A extends readonly ArgSpec[] = []>(options: ActionOptions<A>) => ({
    /** The action itself: `run` gets the parsed arguments and the signed-in user; `C` types a stale refusal's current values. */
    action<T, C = T>(run: (input: Parsed<A>, ctx: { user: SessionUser }) => Promise<T>) {
      return async (...args: Raw<A>): Promise<ActionResult<T, C>> => {
        const result = await settle<T, C>(async () => {
          const user = await authorize(options.permission);
          const specs: readonly ArgSpec[] = options.schema ?? [];
          const input = specs.map((spec, i) => parseArg(spec, args[i])) as Parsed<A>;
          return run(input, { user });
        });
        const { revalidate } = options;
        if (result.ok && revalidate) revalidateTargets(typeof revalidate === "function" ? (revalidate as (data: T) => readonly RevalidateTarget[])(result.data) : revalidate);
        return result;
      };
    },
  });
}

/** Actions on a cluster's content: the caller needs `permission` on some cluster; the data function checks the object's own. */
export const clusterAction = defineActionClient(requireSomeClusterPermission);

/** Console-wide actions (users, own account, new clusters): the caller's global role needs `permission`. */
export const consoleAction = defineActionClient(requirePermission);
