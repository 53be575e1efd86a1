"use server";
import "server-only";
import { revalidatePath } from "next/cache";
import * as z from "zod";
import { setClusterGrant } from "@/lib/server/cluster-grants";
import { changeUserRole, createUser, resetUserPassword, setUserDisabled } from "@/lib/server/users";
import { changeRoleSchema, createUserSchema, resetPasswordSchema, setClusterGrantSchema, setDisabledSchema } from "@/lib/validation/account";
import { toActionFailure, type ActionResult } from "./action-result";
import { requirePermission } from "./permissions";
import { getRequestMeta } from "./request-context";

// Admin actions of the users page. Each authorizes before looking at its input;
// the data functions in lib/server/users.ts check the permission again.

type Schema<T> = z.ZodType<T>;

async function runUserAction<T, R>(schema: Schema<T>, input: unknown, run: (data: T, meta: { ip: string | null }) => Promise<R>): Promise<ActionResult<R>> {
  try {
    await requirePermission("user.manage");
    const parsed = schema.safeParse(input);
    if (!parsed.success) {
      return { ok: false, message: "Check the highlighted fields.", fieldErrors: z.flattenError(parsed.error).fieldErrors as Record<string, string[]> };
    }
    const data = await run(parsed.data, await getRequestMeta());
    revalidatePath("/users");
    return { ok: true, data };
  } catch (error) {
    return toActionFailure(error);
  }
}

/** Creates a user with a role and an initial password. */
export async function createUserAction(input: unknown): Promise<ActionResult<{ id: number }>> {
  return runUserAction(createUserSchema, input, createUser);
}

/** Changes a user's role (never the last active admin's). */
export async function changeUserRoleAction(input: unknown): Promise<ActionResult<void>> {
  return runUserAction(changeRoleSchema, input, changeUserRole);
}

/** Disables or re-enables a user; disabling ends their sessions. */
export async function setUserDisabledAction(input: unknown): Promise<ActionResult<void>> {
  return runUserAction(setDisabledSchema, input, setUserDisabled);
}

/** Sets a new password for a user and ends their sessions. */
export async function resetUserPasswordAction(input: unknown): Promise<ActionResult<void>> {
  return runUserAction(resetPasswordSchema, input, resetUserPassword);
}

/** Sets a user's role on one cluster, hides the cluster from them ("none"), or restores their global role there ("default"). */
export async function setClusterGrantAction(input: unknown): Promise<ActionResult<void>> {
  return runUserAction(setClusterGrantSchema, input, setClusterGrant);
}
