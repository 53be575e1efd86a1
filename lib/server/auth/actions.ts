"use server";
import "server-only";
import { redirect } from "next/navigation";
import * as z from "zod";
import { recordAudit } from "@/lib/server/audit";
import { db } from "@/lib/server/db";
import { changeOwnPassword } from "@/lib/server/users";
import { changeOwnPasswordSchema, loginSchema } from "@/lib/validation/account";
import { toActionFailure, type ActionResult } from "./action-result";
import { attemptLogin, INVALID_CREDENTIALS_MESSAGE } from "./login";
import { requirePermission } from "./permissions";
import { issueDeviceCookie } from "./device-cookie";
import { clearSessionCookie, getRequestMeta, readDeviceCookie, readSessionToken, writeDeviceCookie, writeSessionCookie } from "./request-context";
import { hashSessionToken } from "./session-policy";
import { deleteSessionByToken, lookupSession } from "./session-store";

/** What the login form shows after a failed attempt. */
export interface LoginState {
  message?: string;
  username?: string;
}

/** Signs in from the login form (useActionState); on success replaces any old session and goes to the console. */
export async function login(_previous: LoginState | undefined, formData: FormData): Promise<LoginState> {
  const parsed = loginSchema.safeParse({
    username: formData instanceof FormData ? formData.get("username") : undefined,
    password: formData instanceof FormData ? formData.get("password") : undefined,
  });
  if (!parsed.success) return { message: INVALID_CREDENTIALS_MESSAGE };
  const meta = await getRequestMeta();
  const outcome = await attemptLogin({ ...parsed.data, ip: meta.ip, userAgent: meta.userAgent, deviceCookie: await readDeviceCookie() });
  if (!outcome.ok) return { message: outcome.message, username: parsed.data.username };
  const previous = await readSessionToken();
  if (previous) await deleteSessionByToken(previous);
  await writeSessionCookie(outcome.token, outcome.expiresAt);
  await writeDeviceCookie(await issueDeviceCookie(outcome.accountKey));
  redirect("/");
}

/** Signs out: ends this browser's session, clears the cookie and returns to /login. */
export async function logout(): Promise<void> {
  const token = await readSessionToken();
  if (token) {
    const user = await lookupSession(token);
    const { ip } = await getRequestMeta();
    await db.$transaction(async (tx) => {
      await tx.session.deleteMany({ where: { id: hashSessionToken(token) } });
      if (user) await recordAudit(tx, { actor: user, action: "auth.logout", targetType: "user", targetId: user.userId, targetName: user.username, ip });
    });
  }
  await clearSessionCookie();
  redirect("/login");
}

/** Changes the signed-in user's own password; other browsers are signed out, this one gets a fresh session. */
export async function changeOwnPasswordAction(input: unknown): Promise<ActionResult> {
  try {
    await requirePermission("account.update");
    const parsed = changeOwnPasswordSchema.safeParse(input);
    if (!parsed.success) {
      return { ok: false, message: "Check the highlighted fields.", fieldErrors: z.flattenError(parsed.error).fieldErrors };
    }
    const meta = await getRequestMeta();
    const session = await changeOwnPassword(parsed.data, meta);
    await writeSessionCookie(session.token, session.expiresAt);
    return { ok: true, data: undefined };
  } catch (error) {
    return toActionFailure(error);
  }
}
