import { describe, expect, it, vi } from "vitest";
import { createTestDatabase } from "../support/test-db";

// Issue 12 items 3, 5, 6 and 8: no lockout switch for strangers (device cookies,
// progressive waits), an atomic throttle, a throttled password change, and
// floods that cost no hash and write one audit event per address and window.

vi.mock("next/headers", () => import("../support/next-request"));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));

await createTestDatabase("auth-throttle");
process.env.LOGIN_MAX_FAILURES = "5";
process.env.LOGIN_WINDOW_MINUTES = "15";
const { fakeRequest } = await import("../support/next-request");
const { db } = await import("@/lib/server/db");
const { attemptLogin } = await import("@/lib/server/auth/login");
const { login } = await import("@/lib/server/auth/actions");
const { changeOwnPasswordAction } = await import("@/lib/server/auth/actions");
const { hashPassword } = await import("@/lib/server/auth/password");
const { flushFailureAudit } = await import("@/lib/server/auth/throttle");

const minutes = (n: number) => new Date(Date.now() + n * 60_000);

async function createUser(username: string, password: string, role = "viewer") {
  return db.user.create({ data: { username, role, passwordHash: await hashPassword(password) } });
}

function form(fields: Record<string, string>): FormData {
  const fd = new FormData();
  for (const [k, v] of Object.entries(fields)) fd.set(k, v);
  return fd;
}

/** Signs in through the login action in the fake browser; returns the device cookie it was given. */
async function signInBrowser(username: string, password: string): Promise<string> {
  fakeRequest.reset();
  const error = await login(undefined, form({ username, password })).then(() => null, (e: unknown) => e);
  expect(String((error as { digest?: string } | null)?.digest)).toContain(";/;");
  const device = fakeRequest.jar.get("lvs_device");
  expect(device).toMatch(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]{43}$/);
  return device!;
}

describe("atomic throttle (item 5)", () => {
  it("100 parallel wrong attempts check exactly 5 passwords", async () => {
    await createUser("racer", "racer-Right-pw-42");
    const outcomes = await Promise.all(
      Array.from({ length: 100 }, (_, i) => attemptLogin({ username: "racer", password: `wrong-${i}`, ip: `192.0.2.${i + 1}`, userAgent: null })),
    );
    const checked = outcomes.filter((o) => !o.ok && o.reason === "invalid").length;
    expect(checked).toBe(5);
    expect(outcomes.filter((o) => !o.ok && o.reason === "throttled")).toHaveLength(95);
    expect(await db.loginFailure.count({ where: { username: "racer" } })).toBe(5);
  });
});

describe("no lockout switch for strangers (item 3)", () => {
  it("five wrong passwords from five forged addresses do not lock out the owner's browser", async () => {
    await createUser("owner", "owner-Right-pw-42", "admin");
    const device = await signInBrowser("owner", "owner-Right-pw-42");
    for (let i = 0; i < 25; i += 1) {
      await attemptLogin({ username: "owner", password: "guess", ip: `198.51.100.${i + 1}`, userAgent: null });
    }
    // Unknown clients share the account's allowance: even the right password waits there.
    expect(await attemptLogin({ username: "owner", password: "owner-Right-pw-42", ip: "203.0.113.77", userAgent: null })).toMatchObject({ reason: "throttled" });
    // The owner's browser has its own.
    expect(await attemptLogin({ username: "owner", password: "owner-Right-pw-42", ip: "203.0.113.5", userAgent: null, deviceCookie: device })).toMatchObject({ ok: true });
  });

  it("a device cookie counts only for the account it was issued to and only when its signature holds", async () => {
    await createUser("other", "other-Right-pw-42");
    const device = await signInBrowser("other", "other-Right-pw-42");
    const forged = device.replace(/.$/, (c) => (c === "A" ? "B" : "A"));
    for (let i = 0; i < 5; i += 1) await attemptLogin({ username: "owner", password: "guess", ip: "203.0.113.8", userAgent: null, deviceCookie: device });
    expect(await attemptLogin({ username: "owner", password: "x", ip: "203.0.113.9", userAgent: null, deviceCookie: forged })).toMatchObject({ reason: "throttled" });
  });

  it("a known device has its own failure allowance, then waits grow progressively", async () => {
    await createUser("typo", "typo-Right-pw-42");
    const device = await signInBrowser("typo", "typo-Right-pw-42");
    const attempt = (password: string, at: Date) => attemptLogin({ username: "typo", password, ip: "203.0.113.20", userAgent: null, deviceCookie: device }, at);
    for (let i = 0; i < 5; i += 1) expect(await attempt("wrong", minutes(0))).toMatchObject({ reason: "invalid" });
    expect(await attempt("typo-Right-pw-42", minutes(1))).toMatchObject({ reason: "throttled", retryAfterMinutes: 14 });
    expect(await attempt("wrong", minutes(15))).toMatchObject({ reason: "invalid" });
    expect(await attempt("typo-Right-pw-42", minutes(16))).toMatchObject({ reason: "throttled", retryAfterMinutes: 29 });
    expect(await attempt("wrong", minutes(45))).toMatchObject({ reason: "invalid" });
    expect(await attempt("typo-Right-pw-42", minutes(46))).toMatchObject({ reason: "throttled", retryAfterMinutes: 59 });
    expect(await attempt("typo-Right-pw-42", minutes(105))).toMatchObject({ ok: true });
    // Success clears the device's failures.
    expect(await db.loginFailure.count({ where: { username: "typo", device: { not: null } } })).toBe(0);
  });
});

describe("flooding (item 8)", () => {
  it("300 attempts from one source cost 5 hashes, write one audit event with the count, and their rows are purged later", async () => {
    const ip = "203.0.113.66";
    const auditBefore = await db.auditEvent.count();
    const outcomes = [];
    for (let i = 0; i < 300; i += 1) outcomes.push(await attemptLogin({ username: "flooded", password: `p${i}`, ip, userAgent: null }));
    // Only the five attempts within the limit check a password; the other 295 are refused before any hash.
    expect(outcomes.filter((o) => !o.ok && o.reason === "invalid")).toHaveLength(5);
    expect(outcomes.filter((o) => !o.ok && o.reason === "throttled")).toHaveLength(295);
    expect(await db.auditEvent.count()).toBe(auditBefore);
    expect(await flushFailureAudit(db, minutes(16))).toBe(1);
    const event = await db.auditEvent.findFirstOrThrow({ where: { action: "auth.login.failed", ip } });
    expect(event.detail).toBe("5 failed logins in 15 minutes; usernames: flooded");
    expect(await flushFailureAudit(db, minutes(17))).toBe(0);
    // The next attempt a day later purges the remembered failures.
    await attemptLogin({ username: "someone", password: "x", ip: "203.0.113.99", userAgent: null }, minutes(24 * 60 + 1));
    expect(await db.loginFailure.count({ where: { ip } })).toBe(0);
  });
});

describe("changing one's own password (item 6)", () => {
  it("is throttled and audited like a login", async () => {
    await createUser("changer", "changer-Right-pw-42");
    await signInBrowser("changer", "changer-Right-pw-42");
    const change = (currentPassword: string) =>
      changeOwnPasswordAction({ currentPassword, newPassword: "changer-New-pw-4242", confirmPassword: "changer-New-pw-4242" });
    for (let i = 0; i < 5; i += 1) expect(await change(`wrong-${i}`)).toMatchObject({ ok: false, message: "The current password is wrong." });
    expect(await change("changer-Right-pw-42")).toMatchObject({ ok: false, message: "Too many failed attempts. Try again in 15 minutes." });
    expect(await db.auditEvent.count({ where: { action: "account.password.change.failed", actorName: "changer" } })).toBe(5);
    // Its own allowance: signing in still works.
    expect(await attemptLogin({ username: "changer", password: "changer-Right-pw-42", ip: "203.0.113.30", userAgent: null })).toMatchObject({ ok: true });
  });
});
