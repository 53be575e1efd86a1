import "server-only";
import { recordAudit } from "@/lib/server/audit";
import { db } from "@/lib/server/db";
import { verifyDeviceCookie } from "./device-cookie";
import { verifyDummyPassword, verifyPassword } from "./password";
import { isRole } from "@/lib/domain/roles";
import { createSession, type SessionUser } from "./session-store";
import { purgeExpiredSessions, reserveAttempt, settleSuccess, throttleKey, type AttemptSource } from "./throttle";
import { throttleMessage } from "./throttle-policy";

export const INVALID_CREDENTIALS_MESSAGE = "Invalid username or password.";

export type LoginOutcome =
  | { ok: true; user: SessionUser; token: string; expiresAt: Date; accountKey: string }
  | { ok: false; reason: "invalid"; message: string }
  | { ok: false; reason: "throttled"; message: string; retryAfterMinutes: number };

export interface LoginAttempt {
  username: string;
  password: string;
  ip: string | null;
  userAgent: string | null;
  /** The browser's device cookie, if it sent one (lvs_device). */
  deviceCookie?: string;
}

/**
 * Checks credentials and opens a session. Unknown users, disabled users and
 * wrong passwords get the same answer after the same Argon2 work. The attempt
 * is reserved against its throttle bucket first, atomically: a throttled
 * attempt is refused before any password is checked, even a right one, and
 * costs neither a hash nor an audit row (failures are audited per address and
 * window by flushFailureAudit). A browser holding a valid device cookie for the
 * account counts in its own bucket; other clients share the account's.
 */
export async function attemptLogin(attempt: LoginAttempt, now = new Date()): Promise<LoginOutcome> {
  const username = attempt.username.trim();
  const accountKey = throttleKey(username);
  const device = await verifyDeviceCookie(attempt.deviceCookie, accountKey);
  const source: AttemptSource = { kind: "login", account: accountKey, ip: attempt.ip, device };
  const reservation = await reserveAttempt(source, now);
  if (!reservation.ok) {
    const { retryAfterMinutes } = reservation.decision;
    return { ok: false, reason: "throttled", message: throttleMessage(retryAfterMinutes), retryAfterMinutes };
  }

  const user = await db.user.findUnique({ where: { usernameKey: accountKey } });
  const passwordOk = user ? await verifyPassword(user.passwordHash, attempt.password) : await verifyDummyPassword(attempt.password);
  // A failure keeps its reservation row: that row is the counted (and later audited) failure.
  if (!user || !passwordOk || user.disabled || !isRole(user.role)) return { ok: false, reason: "invalid", message: INVALID_CREDENTIALS_MESSAGE };

  const sessionUser: SessionUser = { userId: user.id, username: user.username, role: user.role };
  const session = await db.$transaction(async (tx) => {
    const opened = await createSession(tx, user.id, attempt, now);
    await tx.user.update({ where: { id: user.id }, data: { lastLoginAt: now } });
    await recordAudit(tx, { actor: { userId: user.id, username: user.username }, action: "auth.login", targetType: "user", targetId: user.id, targetName: user.username, ip: attempt.ip });
    return opened;
  });
  await settleSuccess(source, reservation.id);
  await purgeExpiredSessions(now);
  return { ok: true, user: sessionUser, ...session, accountKey };
}
