import "server-only";
import { createHash, randomBytes } from "node:crypto";

/** Idle and absolute lifetimes of a session, in milliseconds. */
export interface SessionLimits {
  idleMs: number;
  absoluteMs: number;
}

export interface SessionTimes {
  createdAt: Date;
  lastSeenAt: Date;
  expiresAt: Date;
}

export type SessionState = "active" | "idle-expired" | "expired";

/** Touch lastSeenAt at most once a minute: sliding expiry without a write per request. */
export const TOUCH_INTERVAL_MS = 60_000;

/** A fresh opaque token (256 bits, base64url) and the sha256 that is all the database stores. */
export function newSessionToken(): { token: string; id: string } {
  const token = randomBytes(32).toString("base64url");
  return { token, id: hashSessionToken(token) };
}

/** The session row id for a cookie token. */
export function hashSessionToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

/** The times of a session opened at `now`. */
export function openSessionTimes(now: Date, limits: SessionLimits): SessionTimes {
  return { createdAt: now, lastSeenAt: now, expiresAt: new Date(now.getTime() + limits.absoluteMs) };
}

/** Whether a session is still usable at `now`: the absolute deadline and the idle window both apply. */
export function sessionState(times: SessionTimes, now: Date, limits: SessionLimits): SessionState {
  const t = now.getTime();
  if (t >= times.expiresAt.getTime() || t >= times.createdAt.getTime() + limits.absoluteMs) return "expired";
  if (t >= times.lastSeenAt.getTime() + limits.idleMs) return "idle-expired";
  return "active";
}

/** Whether lastSeenAt is stale enough to be rewritten. */
export function needsTouch(times: SessionTimes, now: Date): boolean {
  return now.getTime() - times.lastSeenAt.getTime() >= TOUCH_INTERVAL_MS;
}
