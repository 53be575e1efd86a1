"use server";
import "server-only";
import { redirect } from "next/navigation";
import { recordAudit } from "@/lib/server/audit";
import { db } from "@/lib/server/db";
import { changeOwnPassword } from "@/lib/server/users";
import { changeOwnPasswordSchema, loginSchema } from "@/lib/domain/schema/account";
import { consoleAction } from "@/lib/server/action-client";
import { attemptLogin, INVALID_CREDENTIALS_MESSAGE } from "./login";
import { issueDeviceCookie } from "./device-cookie";
import { clearSessionCookie, getRequestMeta, readDeviceCookie, readSessionToken, writeDeviceCookie, writeSessionCookie } from "./request-context";
import { hashSessionToken } from "./session-policy";
import { deleteSessionByToken, lookupSession } from "./session-store";

/** What the login form shows after a failed attempt. */
export interface LoginState {
  message?: string;
  username?: string;
}

// login and logout are form actions (a plain form post works without JavaScript, and
// they end in a redirect), so they answer with form state rather than an ActionResult.

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
export const changeOwnPasswordAction = consoleAction({ permission: "account.update", schema: [changeOwnPasswordSchema] })
  .action(async ([input]) => {
    const session = await changeOwnPassword(input, await getRequestMeta());
    await writeSessionCookie(session.token, session.expiresAt);
  });
