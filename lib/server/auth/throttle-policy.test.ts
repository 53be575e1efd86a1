import { describe, expect, it } from "vitest";
import { decideThrottle, throttleMessage } from "./throttle-policy";

const limits = { maxFailures: 5, windowMs: 15 * 60_000 };
const t0 = new Date("2026-01-01T12:00:00Z");
const at = (minutes: number) => new Date(t0.getTime() + minutes * 60_000);

describe("decideThrottle", () => {
  it("lets attempts through below the limit", () => {
    expect(decideThrottle([at(0), at(1), at(2), at(3)], at(4), limits)).toEqual({ throttled: false });
  });

  it("locks at the fifth failure within the window and says when to retry", () => {
    const d = decideThrottle([at(0), at(1), at(2), at(3), at(4)], at(5), limits);
    expect(d).toMatchObject({ throttled: true, retryAfterMinutes: 10 });
    if (d.throttled) expect(d.retryAt).toEqual(at(15));
  });

  it("ignores failures older than the window", () => {
    expect(decideThrottle([at(0), at(1), at(2), at(3), at(4)], at(15.01), limits)).toEqual({ throttled: false });
  });

  it("lifts the lock exactly when the oldest counted failure leaves the window", () => {
    const fails = [at(0), at(1), at(2), at(3), at(4)];
    expect(decideThrottle(fails, at(14.99), limits).throttled).toBe(true);
    expect(decideThrottle(fails, at(15), limits).throttled).toBe(false);
  });

  it("counts the most recent failures when there are more than the limit", () => {
    const d = decideThrottle([at(0), at(5), at(6), at(7), at(8), at(9)], at(10), limits);
    expect(d).toMatchObject({ throttled: true });
    if (d.throttled) expect(d.retryAt).toEqual(at(20));
  });

  it("ignores failures stamped in the future (clock skew) and rounds the wait up to whole minutes", () => {
    expect(decideThrottle([at(1), at(2), at(3), at(4), at(60)], at(5), limits)).toEqual({ throttled: false });
    const d = decideThrottle([at(0), at(0), at(0), at(0), at(0)], at(14.5), limits);
    expect(d).toMatchObject({ throttled: true, retryAfterMinutes: 1 });
  });
});

describe("throttleMessage", () => {
  it("says when to retry", () => {
    expect(throttleMessage(10)).toBe("Too many failed attempts. Try again in 10 minutes.");
    expect(throttleMessage(1)).toBe("Too many failed attempts. Try again in 1 minute.");
  });
});
