import { beforeAll, describe, expect, it, vi } from "vitest";
import { createTestDatabase } from "../support/test-db";

vi.mock("next/headers", () => import("../support/next-request"));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));

const ADMIN_PASSWORD = "integration-Admin-pw-1";

const { fakeRequest } = await import("../support/next-request");
await createTestDatabase("auth-login");
process.env.ADMIN_USERNAME = "admin";
process.env.ADMIN_PASSWORD = ADMIN_PASSWORD;
process.env.LOGIN_MAX_FAILURES = "5";
process.env.LOGIN_WINDOW_MINUTES = "15";

const { db } = await import("@/lib/server/db");
const { ensureBootstrap } = await import("@/lib/server/bootstrap");
const { attemptLogin } = await import("@/lib/server/auth/login");
const { login } = await import("@/lib/server/auth/actions");
const { lookupSession } = await import("@/lib/server/auth/session-store");
const { hashSessionToken } = await import("@/lib/server/auth/session-policy");
const { hashPassword } = await import("@/lib/server/auth/password");
const { flushFailureAudit } = await import("@/lib/server/auth/throttle");

const meta = { ip: "198.51.100.7", userAgent: "vitest" };

function form(fields: Record<string, string>): FormData {
  const fd = new FormData();
  for (const [k, v] of Object.entries(fields)) fd.set(k, v);
  return fd;
}

async function expectRedirect(promise: Promise<unknown>, to: string): Promise<void> {
  const error = await promise.then(() => null, (e: unknown) => e);
  expect(String((error as { digest?: string } | null)?.digest)).toContain(`;${to};`);
}

beforeAll(async () => {
  const first = await ensureBootstrap(() => undefined);
  expect(first).toMatchObject({ createdCluster: true, createdAdmin: true });
});

describe("first-run bootstrap", () => {
  it("creates the default cluster and the admin once, with an Argon2id hash and audit events", async () => {
    const again = await ensureBootstrap(() => undefined);
    expect(again).toEqual({ createdCluster: false, createdAdmin: false });
    const clusters = await db.cluster.findMany();
    expect(clusters).toHaveLength(1);
    expect(clusters[0]).toMatchObject({ name: "default", primaryPublicIp: "192.0.2.1", network: "nat", serialNo: 1 });
    const users = await db.user.findMany();
    expect(users).toHaveLength(1);
    expect(users[0]).toMatchObject({ username: "admin", role: "admin", disabled: false });
    expect(users[0]!.passwordHash).toMatch(/^\$argon2id\$v=19\$m=\d+,t=\d+,p=1\$/);
    expect(await db.auditEvent.count({ where: { action: { in: ["cluster.bootstrap", "user.bootstrap"] } } })).toBe(2);
  });
});

describe("login", () => {
  it("opens a session whose id is the sha256 of the cookie token and audits it", async () => {
    const outcome = await attemptLogin({ username: "admin", password: ADMIN_PASSWORD, ...meta });
    expect(outcome.ok).toBe(true);
    if (!outcome.ok) return;
    const row = await db.session.findUnique({ where: { id: hashSessionToken(outcome.token) } });
    expect(row).toMatchObject({ userId: outcome.user.userId, ip: meta.ip, userAgent: "vitest" });
    expect(await db.session.count({ where: { id: outcome.token } })).toBe(0);
    expect(await lookupSession(outcome.token)).toEqual({ userId: outcome.user.userId, username: "admin", role: "admin" });
    expect(await db.auditEvent.count({ where: { action: "auth.login", actorName: "admin" } })).toBeGreaterThan(0);
  });

  it("gives unknown users and wrong passwords the same answer, and audits failed logins per address and window", async () => {
    const before = await db.auditEvent.count({ where: { action: "auth.login.failed" } });
    const wrong = await attemptLogin({ username: "admin", password: "not-the-password", ip: "198.51.100.8", userAgent: null });
    const unknown = await attemptLogin({ username: "nobody", password: "not-the-password", ip: "198.51.100.8", userAgent: null });
    expect(wrong).toEqual({ ok: false, reason: "invalid", message: "Invalid username or password." });
    expect(unknown).toEqual(wrong);
    await flushFailureAudit(db, new Date(Date.now() + 16 * 60_000));
    const events = await db.auditEvent.findMany({ where: { action: "auth.login.failed", ip: "198.51.100.8" } });
    expect(events).toHaveLength(1);
    expect(events[0]!.detail).toBe("2 failed logins in 15 minutes; usernames: admin, nobody");
    expect(await db.auditEvent.count({ where: { action: "auth.login.failed" } })).toBe(before + 1);
  });

  it("throttles the sixth attempt after five wrong passwords even when it is right", async () => {
    await db.user.create({ data: { username: "victim", role: "viewer", passwordHash: await hashPassword("victim-Right-pw-42") } });
    for (let i = 0; i < 5; i += 1) {
      const r = await attemptLogin({ username: "victim", password: `wrong-${i}`, ip: `192.0.2.${10 + i}`, userAgent: null });
      expect(r.ok ? "ok" : r.reason).toBe("invalid");
    }
    const sixth = await attemptLogin({ username: "victim", password: "victim-Right-pw-42", ip: "192.0.2.99", userAgent: null });
    expect(sixth).toMatchObject({ ok: false, reason: "throttled", message: "Too many failed attempts. Try again in 15 minutes." });
    expect(await db.session.count({ where: { user: { username: "victim" } } })).toBe(0);
    // A throttled attempt writes nothing (issue 12 item 8).
    expect(await db.auditEvent.count({ where: { action: "auth.login.throttled" } })).toBe(0);
    // Case does not open a second counter.
    expect(await attemptLogin({ username: "VICTIM", password: "x", ip: "192.0.2.98", userAgent: null })).toMatchObject({ reason: "throttled" });
    // Sixteen minutes later the lock has lifted.
    const later = new Date(Date.now() + 16 * 60_000);
    expect(await attemptLogin({ username: "victim", password: "victim-Right-pw-42", ip: "192.0.2.99", userAgent: null }, later)).toMatchObject({ ok: true });
  });

  it("throttles a client address that fails across many accounts", async () => {
    const ip = "203.0.113.200";
    for (let i = 0; i < 20; i += 1) await attemptLogin({ username: `spray${i}`, password: "x", ip, userAgent: null });
    const r = await attemptLogin({ username: "admin", password: ADMIN_PASSWORD, ip, userAgent: null });
    expect(r).toMatchObject({ ok: false, reason: "throttled" });
    expect(await attemptLogin({ username: "admin", password: ADMIN_PASSWORD, ip: "203.0.113.201", userAgent: null })).toMatchObject({ ok: true });
  });

  it("refuses disabled users with the same message", async () => {
    await db.user.create({ data: { username: "gone", role: "viewer", disabled: true, passwordHash: await hashPassword("gone-Right-pw-42") } });
    expect(await attemptLogin({ username: "gone", password: "gone-Right-pw-42", ...meta })).toMatchObject({
      ok: false, message: "Invalid username or password.",
    });
  });

  it("ends sessions after the idle timeout and deletes them", async () => {
    const outcome = await attemptLogin({ username: "admin", password: ADMIN_PASSWORD, ...meta });
    if (!outcome.ok) throw new Error("login failed");
    const id = hashSessionToken(outcome.token);
    expect(await lookupSession(outcome.token, new Date(Date.now() + 29 * 60_000))).not.toBeNull();
    expect(await lookupSession(outcome.token, new Date(Date.now() + 29 * 60_000 + 31 * 60_000))).toBeNull();
    expect(await db.session.count({ where: { id } })).toBe(0);
  });

  it("the login action sets an HttpOnly SameSite=Strict cookie with a fresh token and redirects to /", async () => {
    fakeRequest.reset();
    fakeRequest.jar.set("lvs_session", "A".repeat(43));
    await expectRedirect(login(undefined, form({ username: "admin", password: ADMIN_PASSWORD })), "/");
    const token = fakeRequest.jar.get("lvs_session")!;
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(token).not.toBe("A".repeat(43));
    expect(fakeRequest.setCookieOptions.get("lvs_session")).toMatchObject({ httpOnly: true, sameSite: "strict", path: "/", secure: false });
    expect(await lookupSession(token)).toMatchObject({ username: "admin" });
  });

  it("uses the __Host- cookie with Secure over https", async () => {
    fakeRequest.reset();
    fakeRequest.headers.set("x-forwarded-proto", "https");
    try {
      await expectRedirect(login(undefined, form({ username: "admin", password: ADMIN_PASSWORD })), "/");
      expect(fakeRequest.jar.has("lvs_session")).toBe(false);
      expect(fakeRequest.setCookieOptions.get("__Host-lvs_session")).toMatchObject({ httpOnly: true, sameSite: "strict", path: "/", secure: true });
    } finally {
      fakeRequest.headers.delete("x-forwarded-proto");
      fakeRequest.reset();
    }
  });

  it("the login action answers a wrong password with the generic message", async () => {
    const state = await login(undefined, form({ username: "admin", password: "nope-nope-nope" }));
    expect(state).toEqual({ message: "Invalid username or password.", username: "admin" });
  });
});
