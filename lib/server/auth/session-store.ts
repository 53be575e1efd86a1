import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { db } from "@/lib/server/db";
import { env } from "@/lib/server/env";
import { isRole, type Role } from "@/lib/domain/roles";
import {
  hashSessionToken,
  needsTouch,
  newSessionToken,
  openSessionTimes,
  sessionState,
  type SessionLimits,
} from "./session-policy";

/** The signed-in user as every permission check sees it; role is read fresh from the database. */
export interface SessionUser {
  userId: number;
  username: string;
  role: Role;
}

type Tx = Prisma.TransactionClient | typeof db;

/** Session lifetimes from the environment. */
export function sessionLimits(): SessionLimits {
  const e = env();
  return { idleMs: e.SESSION_IDLE_MINUTES * 60_000, absoluteMs: e.SESSION_ABSOLUTE_HOURS * 3_600_000 };
}

/** Opens a session for a user; returns the cookie token (only its hash is stored) and the absolute deadline. */
export async function createSession(
  tx: Tx,
  userId: number,
  meta: { ip: string | null; userAgent: string | null },
  now = new Date(),
): Promise<{ token: string; expiresAt: Date }> {
  const { token, id } = newSessionToken();
  const times = openSessionTimes(now, sessionLimits());
  await tx.session.create({ data: { id, userId, ...times, ip: meta.ip, userAgent: meta.userAgent } });
  return { token, expiresAt: times.expiresAt };
}

/** Resolves a cookie token to its user, ending the session when it expired or the user is disabled. */
export async function lookupSession(token: string, now = new Date()): Promise<SessionUser | null> {
  const id = hashSessionToken(token);
  const session = await db.session.findUnique({
    where: { id },
    include: { user: { select: { id: true, username: true, role: true, disabled: true } } },
  });
  if (!session) return null;
  if (sessionState(session, now, sessionLimits()) !== "active" || session.user.disabled || !isRole(session.user.role)) {
    await db.session.deleteMany({ where: { id } });
    return null;
  }
  if (needsTouch(session, now)) {
    await db.session.updateMany({ where: { id }, data: { lastSeenAt: now } });
  }
  return { userId: session.user.id, username: session.user.username, role: session.user.role };
}

/** Ends one session by its cookie token. */
export async function deleteSessionByToken(token: string): Promise<void> {
  await db.session.deleteMany({ where: { id: hashSessionToken(token) } });
}

/** Ends every session of a user (logout everywhere, password change, disable). */
export async function deleteUserSessions(tx: Tx, userId: number): Promise<number> {
  const { count } = await tx.session.deleteMany({ where: { userId } });
  return count;
}
