import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { db, lockForWrite } from "@/lib/server/db";
import { env } from "@/lib/server/env";
import { combineDecisions, decideThrottle, FAILURE_MEMORY_MS, type ThrottleDecision, type ThrottleLimits } from "./throttle-policy";

/** Per-address limits are looser than per-account ones: many operators may share one NAT address. */
const ADDRESS_FACTOR = 4;

/** What an attempt is: a login, or a password change by a signed-in user (its own allowance). */
export type AttemptKind = "login" | "password-change";

/** Who is trying: the account's throttle key, the client address, and the device-cookie nonce of a known browser. */
export interface AttemptSource {
  kind: AttemptKind;
  account: string;
  ip: string | null;
  device: string | null;
}

/** Failure limits from the environment, per bucket and per client address. */
export function throttleLimits(): { account: ThrottleLimits; address: ThrottleLimits } {
  const e = env();
  const windowMs = e.LOGIN_WINDOW_MINUTES * 60_000;
  return {
    account: { maxFailures: e.LOGIN_MAX_FAILURES, windowMs },
    address: { maxFailures: e.LOGIN_MAX_FAILURES * ADDRESS_FACTOR, windowMs },
  };
}

/** Usernames are compared case-insensitively, so `Admin` and `admin` share a counter (and an account). */
export function throttleKey(username: string): string {
  return username.trim().toLowerCase().slice(0, 128);
}

type Tx = Prisma.TransactionClient;

/** The bucket an attempt counts in: its device's own, or (unknown client) the account's shared one. */
const bucketWhere = (s: AttemptSource): Prisma.LoginFailureWhereInput => ({ kind: s.kind, username: s.account, device: s.device });

/**
 * Reserves an attempt atomically: in one transaction that starts with a write
 * (so concurrent reservations queue behind it), drop forgotten failures, count
 * the bucket's failures (in-flight reservations included) and, unless that
 * throttles the attempt, insert a failure row in advance. N parallel attempts
 * against a limit of 5 therefore check at most 5 passwords. The caller turns
 * the row into a success with settleAttempt, or leaves it as the failure.
 */
export async function reserveAttempt(source: AttemptSource, now = new Date()): Promise<{ ok: true; id: number } | { ok: false; decision: ThrottleDecision & { throttled: true } }> {
  const limits = throttleLimits();
  return db.$transaction(async (tx) => {
    await lockForWrite(tx, "login-throttle");
    await tx.loginFailure.deleteMany({ where: { at: { lt: new Date(now.getTime() - FAILURE_MEMORY_MS) } } });
    await flushFailureAudit(tx, now);
    const since = { gt: new Date(now.getTime() - FAILURE_MEMORY_MS) };
    const [bucket, address] = await Promise.all([
      tx.loginFailure.findMany({ where: { ...bucketWhere(source), at: since }, select: { at: true } }),
      // Known devices are not held back by strangers failing from a shared address.
      source.device === null && source.ip !== null
        ? tx.loginFailure.findMany({ where: { kind: source.kind, ip: source.ip, device: null, at: since }, select: { at: true } })
        : Promise.resolve([]),
    ]);
    const decision = combineDecisions([
      decideThrottle(bucket.map((f) => f.at), now, limits.account),
      decideThrottle(address.map((f) => f.at), now, limits.address),
    ]);
    if (decision.throttled) return { ok: false, decision } as const;
    const row = await tx.loginFailure.create({
      data: { kind: source.kind, username: source.account, ip: source.ip ?? "unknown", device: source.device, at: now },
      select: { id: true },
    });
    return { ok: true, id: row.id } as const;
  });
}

/** A successful attempt: its reservation and the rest of its bucket's failures are forgotten (not the address's). */
export async function settleSuccess(source: AttemptSource, reservationId: number): Promise<void> {
  await db.loginFailure.deleteMany({ where: { OR: [{ id: reservationId }, bucketWhere(source)] } });
}

/** Housekeeping: sessions past their absolute deadline go. */
export async function purgeExpiredSessions(now = new Date()): Promise<void> {
  await db.session.deleteMany({ where: { expiresAt: { lte: now } } });
}

/**
 * Writes one audit event per client address and window for failed logins: the
 * first failure from an address opens a window of LOGIN_WINDOW_MINUTES, and
 * once it has passed its failures become one `auth.login.failed` event with
 * their count and usernames, dated at the first failure. Called on every login
 * attempt and before the audit log is read, so a closed window is never missing.
 */
export async function flushFailureAudit(tx: Tx | typeof db = db, now = new Date()): Promise<number> {
  const windowMs = throttleLimits().account.windowMs;
  const pending = await tx.loginFailure.findMany({
    where: { kind: "login", audited: false, at: { lte: now } },
    orderBy: { at: "asc" },
    select: { id: true, ip: true, username: true, at: true },
  });
  const byAddress = new Map<string, typeof pending>();
  for (const f of pending) byAddress.set(f.ip, [...(byAddress.get(f.ip) ?? []), f]);
  let events = 0;
  for (const [ip, failures] of byAddress) {
    let rest = failures;
    while (rest.length > 0 && rest[0]!.at.getTime() + windowMs <= now.getTime()) {
      const start = rest[0]!.at.getTime();
      const window = rest.filter((f) => f.at.getTime() < start + windowMs);
      rest = rest.slice(window.length);
      const names = [...new Set(window.map((f) => f.username))];
      await tx.auditEvent.create({
        data: {
          at: new Date(start), actorName: "anonymous", action: "auth.login.failed", targetType: "user",
          detail: `${window.length} failed login${window.length === 1 ? "" : "s"} in ${windowMs / 60_000} minutes; usernames: ${names.slice(0, 20).join(", ").slice(0, 1000)}${names.length > 20 ? ", …" : ""}`,
          ip: ip === "unknown" ? null : ip,
        },
      });
      await tx.loginFailure.updateMany({ where: { id: { in: window.map((f) => f.id) } }, data: { audited: true } });
      events += 1;
    }
  }
  return events;
}
