import "server-only";

/** How many failures within which window lock an account or a client address. */
export interface ThrottleLimits {
  maxFailures: number;
  windowMs: number;
}

export type ThrottleDecision = { throttled: false } | { throttled: true; retryAt: Date; retryAfterMinutes: number };

/**
 * Decides from the failure times inside the window whether another attempt may run.
 * Locked once `maxFailures` failures fall within `windowMs`; the lock lifts when the
 * oldest of the most recent `maxFailures` failures leaves the window.
 */
export function decideThrottle(failures: readonly Date[], now: Date, limits: ThrottleLimits): ThrottleDecision {
  const since = now.getTime() - limits.windowMs;
  const recent = failures
    .map((d) => d.getTime())
    .filter((t) => t > since && t <= now.getTime())
    .sort((a, b) => b - a);
  if (recent.length < limits.maxFailures) return { throttled: false };
  const pivot = recent[limits.maxFailures - 1]!;
  const retryAt = new Date(pivot + limits.windowMs);
  const retryAfterMinutes = Math.max(1, Math.ceil((retryAt.getTime() - now.getTime()) / 60_000));
  return { throttled: true, retryAt, retryAfterMinutes };
}

/** The message shown on a throttled login. */
export function throttleMessage(retryAfterMinutes: number): string {
  return `Too many failed attempts. Try again in ${retryAfterMinutes} minute${retryAfterMinutes === 1 ? "" : "s"}.`;
}
