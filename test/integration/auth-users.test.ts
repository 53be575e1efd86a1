import { beforeAll, describe, expect, it, vi } from "vitest";
import { createTestDatabase } from "../support/test-db";

vi.mock("next/headers", () => import("../support/next-request"));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));

const ADMIN_PASSWORD = "integration-Admin-pw-2";

const { fakeRequest } = await import("../support/next-request");
await createTestDatabase("auth-users");
process.env.ADMIN_USERNAME = "admin";
process.env.ADMIN_PASSWORD = ADMIN_PASSWORD;

const { db } = await import("@/lib/server/db");
const { ensureBootstrap } = await import("@/lib/server/bootstrap");
const { attemptLogin } = await import("@/lib/server/auth/login");
const { lookupSession } = await import("@/lib/server/auth/session-store");
const { changeOwnPasswordAction } = await import("@/lib/server/auth/actions");
const userActions = await import("@/lib/server/auth/user-actions");
const { requirePermission, AuthorizationError } = await import("@/lib/server/auth/permissions");
const { listUsers } = await import("@/lib/server/users");
const { listAuditEvents } = await import("@/lib/server/audit-queries");

/** Signs in and puts the token in the fake browser's jar; returns the token. */
async function signIn(username: string, password: string): Promise<string> {
  const outcome = await attemptLogin({ username, password, ip: "198.51.100.1", userAgent: "vitest" });
  if (!outcome.ok) throw new Error(`login ${username}: ${outcome.message}`);
  fakeRequest.reset();
  fakeRequest.jar.set("lvs_session", outcome.token);
  return outcome.token;
}

async function userId(username: string): Promise<number> {
  return (await db.user.findUniqueOrThrow({ where: { username } })).id;
}

async function version(username: string): Promise<number> {
  return (await db.user.findUniqueOrThrow({ where: { username } })).version;
}

beforeAll(async () => {
  await ensureBootstrap(() => undefined);
});

describe("authorization", () => {
  it("requirePermission is 401 for anonymous and 403 for a role without the permission", async () => {
    fakeRequest.reset();
    await expect(requirePermission("cluster.read")).rejects.toMatchObject({ status: 401 });
    await signIn("admin", ADMIN_PASSWORD);
    expect((await userActions.createUserAction({ username: "viewer1", role: "viewer", password: "viewer1-Pass-word" })).ok).toBe(true);
    await signIn("viewer1", "viewer1-Pass-word");
    const denied = await requirePermission("user.manage").catch((e: unknown) => e);
    expect(denied).toBeInstanceOf(AuthorizationError);
    expect(denied).toMatchObject({ status: 403 });
    expect(await requirePermission("cluster.read")).toMatchObject({ username: "viewer1", role: "viewer" });
  });

  it("user actions refuse anonymous callers and non-admins before validating, and change nothing", async () => {
    const users = await db.user.count();
    const mutations = { where: { NOT: { action: { startsWith: "auth." } } } };
    const audits = await db.auditEvent.count(mutations);
    fakeRequest.reset();
    expect(await userActions.createUserAction({ username: "x1", role: "admin", password: "x1-Pass-word-1" })).toEqual({
      ok: false, message: "Your session has ended. Sign in again.",
    });
    await signIn("viewer1", "viewer1-Pass-word");
    for (const result of [
      await userActions.createUserAction({ username: "x2", role: "admin", password: "x2-Pass-word-1" }),
      await userActions.createUserAction(undefined),
      await userActions.changeUserRoleAction({ userId: await userId("viewer1"), role: "admin", version: await version("viewer1") }),
      await userActions.setUserDisabledAction({ userId: await userId("admin"), disabled: true, version: 1 }),
      await userActions.resetUserPasswordAction({ userId: await userId("admin"), password: "hijacked-Pass-1" }),
    ]) {
      expect(result).toEqual({ ok: false, message: "Your role does not allow this action." });
    }
    await expect(listUsers()).rejects.toMatchObject({ status: 403 });
    await expect(listAuditEvents({ page: 1 })).rejects.toMatchObject({ status: 403 });
    expect(await db.user.count()).toBe(users);
    expect(await db.auditEvent.count(mutations)).toBe(audits);
  });
});

describe("user administration", () => {
  it("creates users with audit rows and refuses common passwords and duplicate names", async () => {
    await signIn("admin", ADMIN_PASSWORD);
    const created = await userActions.createUserAction({ username: "operator1", role: "operator", password: "operator1-Pass-word" });
    expect(created).toMatchObject({ ok: true });
    const row = await db.user.findUniqueOrThrow({ where: { username: "operator1" } });
    expect(row.passwordHash).toMatch(/^\$argon2id\$/);
    const audit = await db.auditEvent.findFirstOrThrow({ where: { action: "user.create", targetId: String(row.id) } });
    expect(audit).toMatchObject({ actorName: "admin", ip: "203.0.113.50" });
    expect(JSON.parse(audit.after!)).toEqual({ username: "operator1", role: "operator", disabled: false });
    expect(audit.after).not.toContain("Pass-word");

    expect(await userActions.createUserAction({ username: "weak", role: "viewer", password: "Password123" })).toMatchObject({
      ok: false, fieldErrors: { password: expect.stringMatching(/too common/) },
    });
    const taken = { ok: false, message: "That username is taken (usernames are compared regardless of case)." };
    expect(await userActions.createUserAction({ username: "operator1", role: "viewer", password: "another-Pass-word" })).toMatchObject(taken);
    // Issue 12 item 7: a name differing only in case is the same name.
    expect(await userActions.createUserAction({ username: "OPERATOR1", role: "admin", password: "another-Pass-word" })).toMatchObject(taken);
    expect(await db.user.count({ where: { usernameKey: "operator1" } })).toBe(1);
    expect(await db.user.count({ where: { username: "weak" } })).toBe(0);
  });

  it("refuses an admin's change of their own role, status or grants, with a clear error, and changes nothing", async () => {
    await signIn("admin", ADMIN_PASSWORD);
    const id = await userId("admin");
    const before = await db.user.findUniqueOrThrow({ where: { id } });
    const audits = await db.auditEvent.count();
    const cluster = await db.cluster.findFirstOrThrow({ where: { stagingFor: null } });
    const refused = { ok: false, message: "You cannot change your own role, grants or status; ask another admin." };
    expect(await userActions.changeUserRoleAction({ userId: id, role: "operator", version: before.version })).toEqual(refused);
    expect(await userActions.setUserDisabledAction({ userId: id, disabled: true, version: before.version })).toEqual(refused);
    expect(await userActions.setClusterGrantAction({ userId: id, clusterId: cluster.id, role: "viewer" })).toEqual(refused);
    expect(await db.user.findUniqueOrThrow({ where: { id } })).toMatchObject({ role: "admin", disabled: false, version: before.version });
    expect(await db.clusterGrant.count({ where: { userId: id } })).toBe(0);
    expect(await db.auditEvent.count()).toBe(audits);
    await expect(requirePermission("user.manage")).resolves.toMatchObject({ username: "admin" });
  });

  it("protects the last active admin from demotion and disabling", async () => {
    await signIn("admin", ADMIN_PASSWORD);
    const id = await userId("admin");
    // A disabled second admin does not count; once enabled, it may demote the first admin and is then the last one.
    expect((await userActions.createUserAction({ username: "admin2", role: "admin", password: "admin2-Pass-word" })).ok).toBe(true);
    expect((await userActions.setUserDisabledAction({ userId: await userId("admin2"), disabled: true, version: await version("admin2") })).ok).toBe(true);
    expect((await userActions.setUserDisabledAction({ userId: await userId("admin2"), disabled: false, version: await version("admin2") })).ok).toBe(true);
    const adminToken = fakeRequest.jar.get("lvs_session");
    await signIn("admin2", "admin2-Pass-word");
    expect((await userActions.changeUserRoleAction({ userId: id, role: "operator", version: await version("admin") })).ok).toBe(true);
    const audit = await db.auditEvent.findFirstOrThrow({ where: { action: "user.role.change", targetId: String(id) } });
    expect([JSON.parse(audit.before!), JSON.parse(audit.after!)]).toEqual([{ role: "admin" }, { role: "operator" }]);
    // The demotion takes effect on the next request of the demoted user's existing session.
    fakeRequest.reset();
    fakeRequest.jar.set("lvs_session", adminToken!);
    await expect(requirePermission("user.manage")).rejects.toMatchObject({ status: 403 });
    await signIn("admin2", "admin2-Pass-word");
    expect((await userActions.changeUserRoleAction({ userId: id, role: "admin", version: await version("admin") })).ok).toBe(true);
  });

  it("refuses a stale version", async () => {
    await signIn("admin", ADMIN_PASSWORD);
    const result = await userActions.changeUserRoleAction({ userId: await userId("viewer1"), role: "operator", version: 999 });
    expect(result).toMatchObject({ ok: false, message: expect.stringMatching(/changed this user meanwhile/) });
  });
});

describe("ending sessions", () => {
  it("disabling a user ends every session of theirs and blocks login", async () => {
    const a = await signIn("operator1", "operator1-Pass-word");
    const b = await signIn("operator1", "operator1-Pass-word");
    await signIn("admin", ADMIN_PASSWORD);
    expect((await userActions.setUserDisabledAction({ userId: await userId("operator1"), disabled: true, version: await version("operator1") })).ok).toBe(true);
    expect(await lookupSession(a)).toBeNull();
    expect(await lookupSession(b)).toBeNull();
    expect(await db.session.count({ where: { userId: await userId("operator1") } })).toBe(0);
    expect(await attemptLogin({ username: "operator1", password: "operator1-Pass-word", ip: null, userAgent: null })).toMatchObject({ ok: false });
    expect(await db.auditEvent.count({ where: { action: "user.disable" } })).toBeGreaterThan(0);
    await userActions.setUserDisabledAction({ userId: await userId("operator1"), disabled: false, version: await version("operator1") });
  });

  it("a password reset by an admin ends the user's sessions", async () => {
    const token = await signIn("viewer1", "viewer1-Pass-word");
    await signIn("admin", ADMIN_PASSWORD);
    expect(await userActions.resetUserPasswordAction({ userId: await userId("viewer1"), password: "viewer1-New-word" })).toEqual({ ok: true, data: undefined });
    expect(await lookupSession(token)).toBeNull();
    expect(await attemptLogin({ username: "viewer1", password: "viewer1-Pass-word", ip: null, userAgent: null })).toMatchObject({ ok: false });
    expect(await attemptLogin({ username: "viewer1", password: "viewer1-New-word", ip: null, userAgent: null })).toMatchObject({ ok: true });
    const audit = await db.auditEvent.findFirstOrThrow({ where: { action: "user.password.reset" } });
    expect(JSON.stringify(audit)).not.toContain("viewer1-New-word");
  });

  it("changing one's own password ends the other sessions and keeps this browser signed in", async () => {
    const other = await signIn("viewer1", "viewer1-New-word");
    const current = await signIn("viewer1", "viewer1-New-word");
    expect(await changeOwnPasswordAction({ currentPassword: "wrong", newPassword: "viewer1-Third-word", confirmPassword: "viewer1-Third-word" })).toMatchObject({
      ok: false, fieldErrors: { currentPassword: expect.any(String) },
    });
    expect(await changeOwnPasswordAction({ currentPassword: "viewer1-New-word", newPassword: "viewer1-Third-word", confirmPassword: "viewer1-Third-word" })).toEqual({
      ok: true, data: undefined,
    });
    expect(await lookupSession(other)).toBeNull();
    expect(await lookupSession(current)).toBeNull();
    const fresh = fakeRequest.jar.get("lvs_session")!;
    expect(fresh).not.toBe(current);
    expect(await lookupSession(fresh)).toMatchObject({ username: "viewer1" });
    expect(await db.auditEvent.count({ where: { action: "account.password.change", actorName: "viewer1" } })).toBe(1);
  });
});

describe("audit log", () => {
  it("is readable and filterable by admins, newest first", async () => {
    await signIn("admin", ADMIN_PASSWORD);
    const all = await listAuditEvents({ page: 1 });
    expect(all.total).toBeGreaterThan(5);
    expect(all.events[0]!.at.getTime()).toBeGreaterThanOrEqual(all.events.at(-1)!.at.getTime());
    const creates = await listAuditEvents({ page: 1, action: "user.create", actor: "admin" });
    expect(creates.events.every((e) => e.action === "user.create" && e.actorName === "admin")).toBe(true);
    expect(creates.total).toBeGreaterThanOrEqual(3);
    const none = await listAuditEvents({ page: 1, from: "2000-01-01", to: "2000-01-02" });
    expect(none.total).toBe(0);
  });
});
