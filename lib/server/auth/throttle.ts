import "server-only";
import { db } from "@/lib/server/db";
import { env } from "@/lib/server/env";
import { decideThrottle, type ThrottleDecision, type ThrottleLimits } from "./throttle-policy";

/** Per-address limits are looser than per-account ones: many operators may share one NAT address. */
const ADDRESS_FACTOR = 4;

/** Failure limits from the environment, per account and per client address. */
export function throttleLimits(): { account: ThrottleLimits; address: ThrottleLimits } {
  const e = env();
  const windowMs = e.LOGIN_WINDOW_MINUTES * 60_000;
  return {
    account: { maxFailures: e.LOGIN_MAX_FAILURES, windowMs },
    address: { maxFailures: e.LOGIN_MAX_FAILURES * ADDRESS_FACTOR, windowMs },
  };
}

/** Usernames are compared case-insensitively for throttling, so `Admin` and `admin` share a counter. */
export function throttleKey(username: string): string {
  return username.trim().toLowerCase().slice(0, 128);
}

/** Whether a login for this account or from this address must wait; the later of the two locks wins. */
export async function checkLoginThrottle(username: string, ip: string | null, now = new Date()): Promise<ThrottleDecision> {
  const limits = throttleLimits();
  const since = new Date(now.getTime() - limits.account.windowMs);
  const [byAccount, byAddress] = await Promise.all([
    db.loginFailure.findMany({ where: { username: throttleKey(username), at: { gt: since } }, select: { at: true } }),
    ip ? db.loginFailure.findMany({ where: { ip, at: { gt: since } }, select: { at: true } }) : Promise.resolve([]),
  ]);
  const decisions = [
    decideThrottle(byAccount.map((f) => f.at), now, limits.account),
    decideThrottle(byAddress.map((f) => f.at), now, limits.address),
  ].filter((d) => d.throttled);
  if (decisions.length === 0) return { throttled: false };
  return decisions.reduce((a, b) => (a.retryAt >= b.retryAt ? a : b));
}

/** Counts a failed login against the account and the address. */
export async function recordLoginFailure(username: string, ip: string | null, now = new Date()): Promise<void> {
  await db.loginFailure.create({ data: { username: throttleKey(username), ip: ip ?? "unknown", at: now } });
}

/** A successful login clears the account's failures (not the address's). */
export async function clearLoginFailures(username: string): Promise<void> {
  await db.loginFailure.deleteMany({ where: { username: throttleKey(username) } });
}

/** Housekeeping after a login: drop failures older than the window and sessions past their absolute deadline. */
export async function purgeStaleAuthRows(now = new Date()): Promise<void> {
  const { account } = throttleLimits();
  await db.loginFailure.deleteMany({ where: { at: { lt: new Date(now.getTime() - account.windowMs) } } });
  await db.session.deleteMany({ where: { expiresAt: { lte: now } } });
}
