import { describe, expect, it } from "vitest";
import { hashSessionToken, needsTouch, newSessionToken, openSessionTimes, sessionState } from "./session-policy";

const limits = { idleMs: 30 * 60_000, absoluteMs: 12 * 3_600_000 };
const t0 = new Date("2026-01-01T08:00:00Z");
const plus = (ms: number) => new Date(t0.getTime() + ms);
const MIN = 60_000;

describe("session tokens", () => {
  it("are 256-bit base64url and stored only as their sha256", () => {
    const { token, id } = newSessionToken();
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(id).toBe(hashSessionToken(token));
    expect(id).toMatch(/^[0-9a-f]{64}$/);
    expect(id).not.toContain(token);
    expect(newSessionToken().token).not.toBe(token);
  });
});

describe("sessionState", () => {
  const opened = openSessionTimes(t0, limits);

  it("is active right after opening, with the absolute deadline set", () => {
    expect(opened.expiresAt).toEqual(plus(12 * 60 * MIN));
    expect(sessionState(opened, plus(29 * MIN), limits)).toBe("active");
  });

  it("expires after the idle timeout without activity", () => {
    expect(sessionState(opened, plus(30 * MIN), limits)).toBe("idle-expired");
  });

  it("slides the idle window with activity but never past the absolute timeout", () => {
    const touched = { ...opened, lastSeenAt: plus(11 * 60 * MIN + 50 * MIN) };
    expect(sessionState(touched, plus(11 * 60 * MIN + 55 * MIN), limits)).toBe("active");
    expect(sessionState(touched, plus(12 * 60 * MIN), limits)).toBe("expired");
  });

  it("honours a shortened absolute timeout even for an older row", () => {
    const shorter = { idleMs: limits.idleMs, absoluteMs: 60 * MIN };
    const touched = { ...opened, lastSeenAt: plus(59 * MIN) };
    expect(sessionState(touched, plus(61 * MIN), shorter)).toBe("expired");
  });

  it("touches lastSeenAt at most once a minute", () => {
    expect(needsTouch(opened, plus(59_000))).toBe(false);
    expect(needsTouch(opened, plus(60_000))).toBe(true);
  });
});
