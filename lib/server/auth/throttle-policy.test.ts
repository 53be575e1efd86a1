import { describe, expect, it } from "vitest";
import { combineDecisions, decideThrottle, FAILURE_MEMORY_MS, throttleMessage } from "./throttle-policy";

const limits = { maxFailures: 5, windowMs: 15 * 60_000 };
const t0 = new Date("2026-01-01T12:00:00Z");
const at = (minutes: number) => new Date(t0.getTime() + minutes * 60_000);

describe("decideThrottle", () => {
  it("lets attempts through below the limit", () => {
    expect(decideThrottle([at(0), at(1), at(2), at(3)], at(4), limits)).toEqual({ throttled: false });
  });

  it("locks at the fifth failure for the window after it and says when to retry", () => {
    const d = decideThrottle([at(0), at(1), at(2), at(3), at(4)], at(5), limits);
    expect(d).toMatchObject({ throttled: true, retryAfterMinutes: 14 });
    if (d.throttled) expect(d.retryAt).toEqual(at(19));
  });

  it("lifts the lock exactly one window after the latest failure", () => {
    const fails = [at(0), at(1), at(2), at(3), at(4)];
    expect(decideThrottle(fails, at(18.99), limits).throttled).toBe(true);
    expect(decideThrottle(fails, at(19), limits).throttled).toBe(false);
  });

  it("doubles the wait with every failure beyond the limit (progressive), up to a day", () => {
    const five = [at(0), at(1), at(2), at(3), at(4)];
    const six = [...five, at(20)];
    const seven = [...six, at(51)];
    expect(decideThrottle(six, at(21), limits)).toMatchObject({ throttled: true, retryAt: at(50) });
    expect(decideThrottle(seven, at(52), limits)).toMatchObject({ throttled: true, retryAt: at(111) });
    const many = Array.from({ length: 40 }, (_, i) => at(i));
    const d = decideThrottle(many, at(40), limits);
    expect(d).toMatchObject({ throttled: true });
    if (d.throttled) expect(d.retryAt.getTime()).toBe(at(39).getTime() + FAILURE_MEMORY_MS);
  });

  it("forgets failures older than a day and ignores failures stamped in the future", () => {
    const old = [at(0), at(1), at(2), at(3), at(4)];
    const longLock = { ...limits, windowMs: FAILURE_MEMORY_MS };
    expect(decideThrottle(old, new Date(at(0).getTime() + FAILURE_MEMORY_MS - 1), longLock).throttled).toBe(true);
    expect(decideThrottle(old, new Date(at(0).getTime() + FAILURE_MEMORY_MS + 1), longLock).throttled).toBe(false);
    expect(decideThrottle([at(1), at(2), at(3), at(4), at(60)], at(5), limits)).toEqual({ throttled: false });
    expect(decideThrottle([at(0), at(0), at(0), at(0), at(0)], at(14.5), limits)).toMatchObject({ throttled: true, retryAfterMinutes: 1 });
  });
});

describe("combineDecisions", () => {
  it("keeps the longest wait", () => {
    const a = { throttled: true as const, retryAt: at(10), retryAfterMinutes: 10 };
    const b = { throttled: true as const, retryAt: at(20), retryAfterMinutes: 20 };
    expect(combineDecisions([{ throttled: false }, a, b])).toBe(b);
    expect(combineDecisions([{ throttled: false }])).toEqual({ throttled: false });
  });
});

describe("throttleMessage", () => {
  it("says when to retry", () => {
    expect(throttleMessage(10)).toBe("Too many failed attempts. Try again in 10 minutes.");
    expect(throttleMessage(1)).toBe("Too many failed attempts. Try again in 1 minute.");
  });
});
