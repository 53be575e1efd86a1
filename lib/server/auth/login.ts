import "server-only";
import { recordAudit } from "@/lib/server/audit";
import { db } from "@/lib/server/db";
import { verifyDummyPassword, verifyPassword } from "./password";
import { isRole } from "./roles";
import { createSession, type SessionUser } from "./session-store";
import { checkLoginThrottle, clearLoginFailures, purgeStaleAuthRows, recordLoginFailure } from "./throttle";
import { throttleMessage } from "./throttle-policy";

export const INVALID_CREDENTIALS_MESSAGE = "Invalid username or password.";

export type LoginOutcome =
  | { ok: true; user: SessionUser; token: string; expiresAt: Date }
  | { ok: false; reason: "invalid"; message: string }
  | { ok: false; reason: "throttled"; message: string; retryAfterMinutes: number };

export interface LoginAttempt {
  username: string;
  password: string;
  ip: string | null;
  userAgent: string | null;
}

/**
 * Checks credentials and opens a session. Unknown users, disabled users and
 * wrong passwords get the same answer after the same Argon2 work; a throttled
 * account or address is refused before any password is checked, even a right one.
 */
export async function attemptLogin(attempt: LoginAttempt, now = new Date()): Promise<LoginOutcome> {
  const username = attempt.username.trim();
  const throttle = await checkLoginThrottle(username, attempt.ip, now);
  if (throttle.throttled) {
    await recordAudit(db, {
      actor: null,
      actorName: "anonymous",
      action: "auth.login.throttled",
      targetType: "user",
      detail: `username=${username.slice(0, 64)}`,
      ip: attempt.ip,
    });
    return { ok: false, reason: "throttled", message: throttleMessage(throttle.retryAfterMinutes), retryAfterMinutes: throttle.retryAfterMinutes };
  }

  const user = await db.user.findUnique({ where: { username } });
  const passwordOk = user ? await verifyPassword(user.passwordHash, attempt.password) : await verifyDummyPassword(attempt.password);

  if (!user || !passwordOk || user.disabled || !isRole(user.role)) {
    await recordLoginFailure(username, attempt.ip, now);
    await recordAudit(db, {
      actor: null,
      actorName: "anonymous",
      action: "auth.login.failed",
      targetType: "user",
      targetId: user?.id,
      detail: `username=${username.slice(0, 64)}${user?.disabled && passwordOk ? " (account disabled)" : ""}`,
      ip: attempt.ip,
    });
    return { ok: false, reason: "invalid", message: INVALID_CREDENTIALS_MESSAGE };
  }

  const sessionUser: SessionUser = { userId: user.id, username: user.username, role: user.role };
  const session = await db.$transaction(async (tx) => {
    const opened = await createSession(tx, user.id, attempt, now);
    await tx.user.update({ where: { id: user.id }, data: { lastLoginAt: now } });
    await recordAudit(tx, { actor: { userId: user.id, username: user.username }, action: "auth.login", targetType: "user", targetId: user.id, ip: attempt.ip });
    return opened;
  });
  await clearLoginFailures(username);
  await purgeStaleAuthRows(now);
  return { ok: true, user: sessionUser, ...session };
}
