import "server-only";
import type { Prisma, User } from "@/lib/generated/prisma/client";
import type { ChangeOwnPasswordInput, ChangeRoleInput, CreateUserInput, ResetPasswordInput, SetDisabledInput } from "@/lib/domain/schema/account";
import { recordAudit, type AuditInput } from "./audit";
import { hashPassword, passwordProblem, verifyPassword } from "./auth/password";
import { requirePermission } from "./auth/permissions";
import { isRole, type Role } from "@/lib/domain/roles";
import { createSession, deleteUserSessions } from "./auth/session-store";
import { reserveAttempt, settleSuccess, throttleKey, type AttemptSource } from "./auth/throttle";
import { throttleMessage } from "./auth/throttle-policy";
import { DataError, isUniqueViolation } from "./data-errors";
import { db, lockForWrite } from "./db";

/** A user as the admin page sees it: never the password hash. */
export interface UserSummary {
  id: number;
  username: string;
  role: Role;
  disabled: boolean;
  lastLoginAt: Date | null;
  passwordChangedAt: Date;
  createdAt: Date;
  activeSessions: number;
  version: number;
}

type Tx = Prisma.TransactionClient;
type RequestInfo = { ip: string | null; userAgent?: string | null };

function assertAcceptablePassword(password: string, username: string, field: string): void {
  const problem = passwordProblem(password, { username });
  if (problem) throw new DataError(problem, { fieldErrors: { [field]: problem } });
}

/** Refuses a change that would leave no enabled admin. */
async function assertAnotherActiveAdmin(tx: Tx, userId: number): Promise<void> {
  await lockForWrite(tx, "last-admin");
  const others = await tx.user.count({ where: { role: "admin", disabled: false, id: { not: userId } } });
  if (others === 0) throw new DataError("The last active admin cannot be demoted or disabled.");
}

/** An admin may not lock themselves out: another admin changes their role, status or grants. */
export const SELF_CHANGE_REFUSED = "You cannot change your own role, grants or status; ask another admin.";

const CONFLICT = "Someone else changed this user meanwhile. Reload and try again.";

/** Lists every account for the users page. */
export async function listUsers(): Promise<UserSummary[]> {
  await requirePermission("user.manage");
  const now = new Date();
  const users = await db.user.findMany({
    orderBy: { username: "asc" },
    include: { _count: { select: { sessions: { where: { expiresAt: { gt: now } } } } } },
  });
  return users.map((u) => ({
    id: u.id,
    username: u.username,
    role: isRole(u.role) ? u.role : "viewer",
    disabled: u.disabled,
    lastLoginAt: u.lastLoginAt,
    passwordChangedAt: u.passwordChangedAt,
    createdAt: u.createdAt,
    activeSessions: u._count.sessions,
    version: u.version,
  }));
}

/** Creates an account with an initial password. */
export async function createUser(input: CreateUserInput, request: RequestInfo): Promise<{ id: number }> {
  const actor = await requirePermission("user.manage");
  assertAcceptablePassword(input.password, input.username, "password");
  const passwordHash = await hashPassword(input.password);
  try {
    return await db.$transaction(async (tx) => {
      const user = await tx.user.create({ data: { username: input.username, role: input.role, passwordHash } });
      await recordAudit(tx, {
        actor, action: "user.create", targetType: "user", targetId: user.id,
        after: { username: user.username, role: user.role, disabled: false }, ip: request.ip,
      });
      return { id: user.id };
    });
  } catch (error) {
    // The unique index on usernameKey (lower(username)) makes ADMIN collide with admin.
    if (isUniqueViolation(error)) {
      const message = "That username is taken (usernames are compared regardless of case).";
      throw new DataError(message, { fieldErrors: { username: message } });
    }
    throw error;
  }
}

/** Changes a user's role; the last active admin keeps theirs. */
export async function changeUserRole(input: ChangeRoleInput, request: RequestInfo): Promise<void> {
  await changeOtherUser(input, {
    unchanged: (user) => user.role === input.role,
    guard: (tx, user) => (user.role === "admin" && !user.disabled ? assertAnotherActiveAdmin(tx, user.id) : Promise.resolve()),
    data: { role: input.role },
    audit: async (_tx, user) => ({
      action: "user.role.change", before: { role: user.role }, after: { role: input.role }, detail: user.username, ip: request.ip,
    }),
  });
}

/** Disables (ending every session) or re-enables an account; the last active admin stays enabled. */
export async function setUserDisabled(input: SetDisabledInput, request: RequestInfo): Promise<void> {
  await changeOtherUser(input, {
    unchanged: (user) => user.disabled === input.disabled,
    guard: (tx, user) => (input.disabled && user.role === "admin" ? assertAnotherActiveAdmin(tx, user.id) : Promise.resolve()),
    data: { disabled: input.disabled },
    audit: async (tx, user) => {
      const ended = input.disabled ? await deleteUserSessions(tx, user.id) : 0;
      return {
        action: input.disabled ? "user.disable" : "user.enable", before: { disabled: user.disabled }, after: { disabled: input.disabled },
        detail: input.disabled ? `${user.username}; ended ${ended} session(s)` : user.username, ip: request.ip,
      };
    },
  });
}

/**
 * An admin's change to another user's account, in one transaction: refused for
 * one's own account and on a stale version, nothing written when nothing
 * changes, `guard` checked first, then the row written, `audit` run (it may
 * write more) and its event recorded.
 */
async function changeOtherUser(input: { userId: number; version: number }, change: {
  unchanged: (user: User) => boolean;
  guard: (tx: Prisma.TransactionClient, user: User) => Promise<void>;
  data: Prisma.UserUpdateManyMutationInput;
  audit: (tx: Prisma.TransactionClient, user: User) => Promise<Omit<AuditInput, "actor" | "targetType" | "targetId" | "targetName">>;
}): Promise<void> {
  const actor = await requirePermission("user.manage");
  if (input.userId === actor.userId) throw new DataError(SELF_CHANGE_REFUSED);
  await db.$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id: input.userId } });
    if (!user) throw new DataError("No such user.");
    if (change.unchanged(user)) return;
    await change.guard(tx, user);
    const { count } = await tx.user.updateMany({ where: { id: user.id, version: input.version }, data: { ...change.data, version: { increment: 1 } } });
    if (count === 0) throw new DataError(CONFLICT);
    const event = await change.audit(tx, user);
    await recordAudit(tx, { actor, targetType: "user", targetId: user.id, targetName: user.username, ...event });
  });
}

/** Stores a user's new password hash and ends every session they have; how many ended. */
async function storeNewPassword(tx: Prisma.TransactionClient, userId: number, passwordHash: string): Promise<number> {
  await tx.user.update({ where: { id: userId }, data: { passwordHash, passwordChangedAt: new Date(), version: { increment: 1 } } });
  return deleteUserSessions(tx, userId);
}

/** Sets a new password for another user and ends their sessions. */
export async function resetUserPassword(input: ResetPasswordInput, request: RequestInfo): Promise<void> {
  const actor = await requirePermission("user.manage");
  const target = await db.user.findUnique({ where: { id: input.userId }, select: { username: true } });
  if (!target) throw new DataError("No such user.");
  assertAcceptablePassword(input.password, target.username, "password");
  const passwordHash = await hashPassword(input.password);
  await db.$transaction(async (tx) => {
    const ended = await storeNewPassword(tx, input.userId, passwordHash);
    await recordAudit(tx, {
      actor, action: "user.password.reset", targetType: "user", targetId: input.userId, targetName: target.username,
      detail: `${target.username}; ended ${ended} session(s)`, ip: request.ip,
    });
  });
}

/** Changes the caller's own password after checking the current one; ends every session and opens a fresh one. */
export async function changeOwnPassword(
  input: ChangeOwnPasswordInput,
  request: RequestInfo,
): Promise<{ token: string; expiresAt: Date }> {
  const actor = await requirePermission("account.update");
  // Wrong current passwords are throttled like logins (their own bucket per account) and each one is audited.
  const source: AttemptSource = { kind: "password-change", account: throttleKey(actor.username), ip: request.ip, device: null };
  const reservation = await reserveAttempt(source);
  if (!reservation.ok) {
    const message = throttleMessage(reservation.decision.retryAfterMinutes);
    throw new DataError(message, { fieldErrors: { currentPassword: message } });
  }
  const user = await db.user.findUnique({ where: { id: actor.userId } });
  if (!user || !(await verifyPassword(user.passwordHash, input.currentPassword))) {
    await recordAudit(db, { actor, action: "account.password.change.failed", targetType: "user", targetId: actor.userId, targetName: actor.username, detail: "wrong current password", ip: request.ip });
    throw new DataError("The current password is wrong.", { fieldErrors: { currentPassword: "The current password is wrong." } });
  }
  await settleSuccess(source, reservation.id);
  assertAcceptablePassword(input.newPassword, user.username, "newPassword");
  if (await verifyPassword(user.passwordHash, input.newPassword)) {
    throw new DataError("Choose a password different from the current one.", { fieldErrors: { newPassword: "Choose a different password." } });
  }
  const passwordHash = await hashPassword(input.newPassword);
  return db.$transaction(async (tx) => {
    const ended = await storeNewPassword(tx, user.id, passwordHash);
    await recordAudit(tx, {
      actor, action: "account.password.change", targetType: "user", targetId: user.id, targetName: user.username,
      detail: `ended ${ended} session(s)`, ip: request.ip,
    });
    return createSession(tx, user.id, { ip: request.ip, userAgent: request.userAgent ?? null });
  });
}
