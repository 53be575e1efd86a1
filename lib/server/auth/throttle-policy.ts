import "server-only";

/** How many failures lock a bucket (an account for unknown clients, one device, one client address) and for how long at first. */
export interface ThrottleLimits {
  maxFailures: number;
  /** The first lock's length; every further failure doubles it. */
  windowMs: number;
}

/** Failures are remembered this long (or until a success clears their bucket); longer waits are capped to it. */
export const FAILURE_MEMORY_MS = 24 * 60 * 60_000;

export type ThrottleDecision = { throttled: false } | { throttled: true; retryAt: Date; retryAfterMinutes: number };

/**
 * Decides from a bucket's remembered failures whether another attempt may run.
 * Below `maxFailures` failures: yes. At the limit the bucket waits `windowMs`
 * after its latest failure, and each failure beyond the limit doubles the wait
 * (15, 30, 60 minutes, … up to a day): guessing stays bounded without a
 * fixed-length lockout an attacker can renew at will. Future timestamps (clock skew) are ignored.
 */
export function decideThrottle(failures: readonly Date[], now: Date, limits: ThrottleLimits): ThrottleDecision {
  const t = now.getTime();
  const recent = failures.map((d) => d.getTime()).filter((at) => at > t - FAILURE_MEMORY_MS && at <= t);
  if (recent.length < limits.maxFailures) return { throttled: false };
  const beyond = Math.min(recent.length - limits.maxFailures, 30);
  const wait = Math.min(limits.windowMs * 2 ** beyond, FAILURE_MEMORY_MS);
  const retryAt = new Date(Math.max(...recent) + wait);
  if (retryAt.getTime() <= t) return { throttled: false };
  return { throttled: true, retryAt, retryAfterMinutes: Math.max(1, Math.ceil((retryAt.getTime() - t) / 60_000)) };
}

/** The later of several decisions: a throttled one wins, the longest wait first. */
export function combineDecisions(decisions: readonly ThrottleDecision[]): ThrottleDecision {
  const locked = decisions.filter((d): d is Extract<ThrottleDecision, { throttled: true }> => d.throttled);
  if (locked.length === 0) return { throttled: false };
  return locked.reduce((a, b) => (a.retryAt >= b.retryAt ? a : b));
}

/** The message shown on a throttled attempt. */
export function throttleMessage(retryAfterMinutes: number): string {
  return `Too many failed attempts. Try again in ${retryAfterMinutes} minute${retryAfterMinutes === 1 ? "" : "s"}.`;
}
